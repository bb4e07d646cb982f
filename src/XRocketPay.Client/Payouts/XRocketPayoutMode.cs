namespace XRocketPay.Client;

/// <summary>How a payout run sends its rows.</summary>
public enum XRocketPayoutMode
{
    /// <summary>One transfer request per row.</summary>
    OneByOne,

    /// <summary>Mass requests of up to <see cref="XRocketPayoutLimits.MassTransferRows"/> rows of one asset.</summary>
    Mass,
}
