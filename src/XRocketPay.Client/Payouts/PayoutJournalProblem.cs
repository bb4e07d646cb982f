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
