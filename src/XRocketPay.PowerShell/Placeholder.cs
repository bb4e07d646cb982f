namespace XRocketPay.PowerShell;

internal static class Placeholder
{
    public static object Options => XRocketPay.Client.Placeholder.Options;
}
