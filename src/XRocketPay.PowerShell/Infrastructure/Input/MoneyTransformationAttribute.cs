namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Binds any value to the core's <see cref="XRocketAmount"/> (read once, by <see cref="XRocketMoney.Read"/>)
/// without going through PowerShell's default conversion, which reads "1,5" as 15 via double. Never throws:
/// a missing or bad amount becomes the cmdlet's own error record (<see cref="InputRules.Amount"/>), so a bad
/// row is captured by -ErrorVariable instead of failing the binding.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MoneyTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        inputData as XRocketAmount ?? XRocketMoney.Read(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
}
