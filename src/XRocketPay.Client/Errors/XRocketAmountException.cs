namespace XRocketPay.Client;

/// <summary>Raised for an amount a user gave that is not acceptable money.</summary>
public sealed class XRocketAmountException : FormatException
{
    public XRocketAmountException(string message, string input) : base(message) => Input = input;

    /// <summary>The text that was refused.</summary>
    public string Input { get; }
}
