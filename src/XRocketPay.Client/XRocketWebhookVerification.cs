using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>The outcome of a signature check.</summary>
public sealed class XRocketWebhookVerification
{
    internal XRocketWebhookVerification(XRocketWebhookFailure failure, string message)
    {
        Failure = failure;
        Message = message;
    }

    public bool IsValid => Failure == XRocketWebhookFailure.None;
    public XRocketWebhookFailure Failure { get; }
    public string Message { get; }

    public override string ToString() => Message;
}
