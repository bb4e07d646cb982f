using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace XRocketPay.PowerShell.Tests.Hosting;

/// <summary>
/// A PSHost that records everything written to the host UI (where "What if:" lines and Out-Host go)
/// and answers confirmation prompts from a scripted queue. Without answers it behaves like a
/// non-interactive host.
/// </summary>
internal sealed class CapturingHost : PSHost
{
    private readonly CapturingHostUserInterface _ui = new();

    public override string Name => "XRocketPayTestHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override PSHostUserInterface UI => _ui;

    public string Text => _ui.Text;

    /// <summary>Prompts seen by PromptForChoice (caption + message).</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>Every progress record written, in order.</summary>
    public IReadOnlyList<ProgressRecord> Progress => _ui.Progress;

    /// <summary>Answers for the next confirmation prompts: a choice label such as "&amp;Yes" or "&amp;No".</summary>
    public Queue<string> ChoiceAnswers => _ui.ChoiceAnswers;

    public void Clear() => _ui.Clear();

    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class CapturingHostUserInterface : PSHostUserInterface
    {
        private readonly StringBuilder _text = new();
        private readonly List<string> _prompts = new();
        private readonly List<ProgressRecord> _progress = new();
        private readonly object _gate = new();

        public Queue<string> ChoiceAnswers { get; } = new();
        public IReadOnlyList<string> Prompts { get { lock (_gate) { return _prompts.ToList(); } } }
        public IReadOnlyList<ProgressRecord> Progress { get { lock (_gate) { return _progress.ToList(); } } }
        public string Text { get { lock (_gate) { return _text.ToString(); } } }
        public override PSHostRawUserInterface RawUI { get; } = new RawUserInterface();

        public void Clear()
        {
            lock (_gate) { _text.Clear(); _prompts.Clear(); _progress.Clear(); }
        }

        private void Append(string value)
        {
            // Format views embed ANSI sequences even for plain text; strip them for assertions.
            var plain = GetOutputString(value, supportsVirtualTerminal: false);
            lock (_gate) { _text.Append(plain); }
        }

        public override void Write(string value) => Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
        public override void WriteLine(string value) => Append(value + "\n");
        public override void WriteErrorLine(string value) => Append(value + "\n");
        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
        public override void WriteProgress(long sourceId, ProgressRecord record) { lock (_gate) { _progress.Add(record); } }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (_gate) { _prompts.Add(caption + "\n" + message); }
            if (ChoiceAnswers.Count == 0)
            {
                throw new HostException("The test host has no scripted answer for this prompt.");
            }

            var answer = ChoiceAnswers.Dequeue();
            var index = choices.ToList().FindIndex(c => string.Equals(c.Label, answer, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new HostException($"No choice labelled '{answer}'.");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new HostException("The test host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new HostException("The test host cannot prompt.");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new HostException("The test host cannot prompt.");
        public override string ReadLine() => throw new HostException("The test host cannot read input.");
        public override SecureString ReadLineAsSecureString() => throw new HostException("The test host cannot read input.");
    }

    private sealed class RawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;
        public override Size BufferSize { get; set; } = new(200, 1000);
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override Size MaxPhysicalWindowSize => new(200, 1000);
        public override Size MaxWindowSize => new(200, 1000);
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get; set; } = new(200, 1000);
        public override string WindowTitle { get; set; } = "";
        public override bool KeyAvailable => false;
        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}
