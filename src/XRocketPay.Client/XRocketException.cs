using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using XRocketPay.Client.Models;

namespace XRocketPay.Client;

/// <summary>Anything the API or the way to it refused. Never carries the token.</summary>
public class XRocketException : Exception
{
    public XRocketException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>The HTTP method and path of the call (no query values, no token).</summary>
    public string? Method { get; internal set; }
    public string? Path { get; internal set; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The client id the call used, so the caller can reconcile or re-run safely.</summary>
    public string? ClientId { get; internal set; }

    /// <summary>The stable, branchable code: the API problem code, or a client-side one.</summary>
    public virtual string Code => "transport_error";

    /// <summary>A problem code such as <c>client_id_already_taken</c> as <c>ClientIdAlreadyTaken</c>.</summary>
    public static string ToPascalCase(string code)
    {
        var builder = new StringBuilder(code.Length);
        var upper = true;
        foreach (var c in code)
        {
            if (c == '_' || c == '-' || c == ' ' || c == '.')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length == 0 ? "Unknown" : builder.ToString();
    }
}
