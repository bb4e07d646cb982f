namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Turns any bound value into an <see cref="AmountArgument"/> without going through PowerShell's
/// default conversion (which reads "1,5" as 15 via double). Never throws.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MoneyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        inputData is AmountArgument already ? already : AmountArgument.From(inputData);
}
