using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>No usable answer: a timeout, a refused or dropped connection, or a body that could not be read.</summary>
public sealed class XRocketTransportException : XRocketException
{
    public XRocketTransportException(string code, string message, Exception? inner = null) : base(message, inner) => TransportCode = code;

    private string TransportCode { get; }

    /// <summary><c>timeout</c>, <c>connection_failed</c> or <c>malformed_response</c>.</summary>
    public override string Code => TransportCode;

    /// <summary>True when the request may have been executed although no answer arrived.</summary>
    public bool MayHaveSucceeded { get; internal set; }
}
