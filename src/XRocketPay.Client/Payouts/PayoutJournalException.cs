namespace XRocketPay.Client;

/// <summary>Why a payout journal cannot be used: nothing was sent because of it (or, written mid-run, the run stopped).</summary>
public enum PayoutJournalProblem
{
    /// <summary>Damaged, edited or not a journal this module writes: refused, nothing sent.</summary>
    Unusable,

    /// <summary>Another run holds it (a journal is one run's at a time): refused, nothing sent.</summary>
    InUse,

    /// <summary>A line could not be written (a full disk, a lost drive): the run stopped.</summary>
    WriteFailed,
}

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
