using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>The result of a create call: the object, the client id used, and whether it existed before this call.</summary>
public sealed class XRocketCreateResult<T>
{
    internal XRocketCreateResult(T value, string clientId, bool alreadyExisted)
    {
        Value = value;
        ClientId = clientId;
        AlreadyExisted = alreadyExisted;
    }

    public T Value { get; }
    public string ClientId { get; }

    /// <summary>
    /// True when the object was created by earlier work (the first attempt of this call found the client id
    /// taken by an operation with the same data). False when this call created it, even across retries.
    /// </summary>
    public bool AlreadyExisted { get; }
}
