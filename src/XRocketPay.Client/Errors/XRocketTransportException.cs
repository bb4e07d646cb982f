namespace XRocketPay.Client;

/// <summary>No usable answer: a timeout, a refused or dropped connection, or a body that could not be read.</summary>
public sealed class XRocketTransportException : XRocketException
{
    public XRocketTransportException(string code, string message, Exception? inner = null) : base(message, inner) => TransportCode = code;

    private string TransportCode { get; }

    /// <summary><c>timeout</c>, <c>connection_failed</c> or <c>malformed_response</c>.</summary>
    public override string Code => TransportCode;
}
