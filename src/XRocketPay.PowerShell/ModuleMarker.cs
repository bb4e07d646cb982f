namespace XRocketPay.PowerShell;

// Temporary: keeps the module project referencing the core until the cmdlets land.
internal static class ModuleMarker
{
    public static System.Type CoreMarker => typeof(XRocketPay.Client.XRocketClient);
}
