namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// Whether a ShouldProcess call would ask the user, and whether this host can ask (issue 25 item 3): a script
/// without -Confirm:$false in a scheduler or CI gets the module's own error instead of PowerShell's
/// "NonInteractive mode" or a null reference, and nothing is sent.
/// </summary>
internal static class Confirmation
{
    /// <summary>-WhatIf (or $WhatIfPreference) never asks; -Confirm asks, -Confirm:$false never; else the cmdlet's impact against $ConfirmPreference.</summary>
    internal static bool WouldAsk(PSCmdlet cmdlet)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        if (bound.TryGetValue("WhatIf", out var whatIf) ? IsOn(whatIf) : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference")))
        {
            return false;
        }

        if (bound.TryGetValue("Confirm", out var confirm))
        {
            return IsOn(confirm);
        }

        var impact = ((CmdletAttribute?)Attribute.GetCustomAttribute(cmdlet.GetType(), typeof(CmdletAttribute)))?.ConfirmImpact ?? ConfirmImpact.Medium;
        return LanguagePrimitives.TryConvertTo<ConfirmImpact>(cmdlet.GetVariableValue("ConfirmPreference"), out var preference)
            && preference != ConfirmImpact.None && impact >= preference;
    }

    /// <summary>Why the console host cannot ask (pwsh -NonInteractive, or standard input redirected), or null when it can (any other host asks its own way).</summary>
    internal static string? WhyHostCannotAsk(System.Management.Automation.Host.PSHost host)
    {
        if (host.Name != "ConsoleHost")
        {
            return null;
        }

        if (Environment.GetCommandLineArgs().Skip(1).Any(IsNonInteractiveSwitch))
        {
            return "PowerShell runs with -NonInteractive";
        }

        return Console.IsInputRedirected ? "its standard input is redirected (a scheduler, CI or a pipe)" : null;
    }

    /// <summary>The error for <paramref name="action"/> on <paramref name="target"/> that could not be confirmed.</summary>
    internal static ErrorRecord Unavailable(string command, string target, string action, string why) =>
        ErrorRecords.Input(ModuleErrorIds.ConfirmationUnavailable,
            $"{command} needs a confirmation to {char.ToLowerInvariant(action[0])}{action.Substring(1)} for {target}, and this host cannot ask: {why}. Nothing was sent. " +
            "Check the run with -WhatIf, then add -Confirm:$false to run it without asking. In a script, set $ErrorActionPreference = 'Stop' so that an error ends it with a non-zero exit code.",
            target, ErrorCategory.InvalidOperation);

    // pwsh takes any prefix of -NonInteractive from -noni on, with '-', '--' or '/'.
    private static bool IsNonInteractiveSwitch(string argument)
    {
        var name = argument.TrimStart('-', '/');
        return name.Length >= 4 && argument.Length > name.Length && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOn(object? value) => value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
}
