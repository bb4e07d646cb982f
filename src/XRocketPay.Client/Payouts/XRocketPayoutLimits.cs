namespace XRocketPay.Client;

/// <summary>The API's sizes a payout run is built around, each in one place.</summary>
public static class XRocketPayoutLimits
{
    /// <summary>Rows the API takes in one mass request (two public sources: 1..500); the default and the most a chunk holds.</summary>
    public const int MassTransferRows = 500;

    /// <summary>Transfers asked for per list page when taken rows are verified (the contract's maximum, marked guessed there).</summary>
    public const int TransferListPage = 1000;

    /// <summary>List pages read (newest first) per verification of taken rows before falling back to a look-up per row.</summary>
    public const int TransferListPagesPerVerification = 4;

    /// <summary>
    /// How long a route may answer nothing while a payout whose answer was lost is settled (the same request
    /// sent again with backoff): past this, the row stays Unknown. The default of <see cref="XRocketClientOptions.SettleWithin"/>.
    /// </summary>
    public static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(30);
}
