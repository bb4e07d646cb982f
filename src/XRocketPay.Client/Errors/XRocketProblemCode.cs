namespace XRocketPay.Client;

/// <summary>One row of the problem-code table: a code, what it means, its error id and its category name.</summary>
public sealed class XRocketProblemCode
{
    internal XRocketProblemCode(string code, XRocketProblemKind kind, string category)
    {
        Code = code;
        Kind = kind;
        ErrorId = XRocketProblemCodes.ToErrorId(code);
        Category = category;
    }

    /// <summary>The problem code, such as <c>amount_more_than_app_balance</c>.</summary>
    public string Code { get; }

    public XRocketProblemKind Kind { get; }

    /// <summary>The stable PascalCase error id, such as <c>AmountMoreThanAppBalance</c>.</summary>
    public string ErrorId { get; }

    /// <summary>
    /// The name of a PowerShell <c>ErrorCategory</c> member (the core has no PowerShell types; the module
    /// turns the name into the enum in one place).
    /// </summary>
    public string Category { get; }

    public override string ToString() => $"{Code} ({Kind}, {Category})";
}
