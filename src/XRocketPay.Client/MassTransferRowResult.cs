using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>The outcome of one row of a mass transfer.</summary>
public sealed class MassTransferRowResult
{
    internal MassTransferRowResult(int index, string clientTransferId, MassTransferRowStatus status, Transfer? transfer, XRocketProblem? problem, XRocketException? error)
    {
        Index = index;
        ClientTransferId = clientTransferId;
        Status = status;
        Transfer = transfer;
        Problem = problem;
        Error = error;
    }

    /// <summary>The row's position in the request.</summary>
    public int Index { get; }
    public string ClientTransferId { get; }
    public MassTransferRowStatus Status { get; }
    public Transfer? Transfer { get; }

    /// <summary>Why the API refused the row.</summary>
    public XRocketProblem? Problem { get; }

    /// <summary>A client-side failure of the row (a conflicting client id).</summary>
    public XRocketException? Error { get; }

    public string? Code => Error?.Code ?? Problem?.Code;
}
