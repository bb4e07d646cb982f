namespace XRocketPay.Client;

/// <summary>A payout journal that cannot be read, locked or written; the message says which line and how to go on.</summary>
public sealed class PayoutJournalException : Exception
{
    public PayoutJournalException(PayoutJournalProblem problem, string path, string message, int? line = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
        Path = path;
        Line = line;
    }

    public PayoutJournalProblem Problem { get; }
    public string Path { get; }

    /// <summary>The line (1-based) the problem is on, when it is one line's.</summary>
    public int? Line { get; }
}
