using XRocketPay.Sandbox;

namespace XRocketPay.Client.Tests;

// Every class that talks to a shared sandbox runs twice in one run: against the full shape, and against the
// strict evidence shape (only fields a public source shows). ShapeTests fails on a class missing here.

/// <summary>The sandbox in its full shape.</summary>
public sealed class FullSandbox() : SandboxFixture(SandboxShape.Full);

/// <summary>The sandbox in the strict evidence shape.</summary>
public sealed class EvidenceSandbox() : SandboxFixture(SandboxShape.Evidence);

public sealed class HardeningTestsFull(FullSandbox sandbox) : HardeningTests(sandbox), IClassFixture<FullSandbox>;

public sealed class HardeningTestsEvidence(EvidenceSandbox sandbox) : HardeningTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class InvoiceReadingTestsFull(FullSandbox sandbox) : InvoiceReadingTests(sandbox), IClassFixture<FullSandbox>;

public sealed class InvoiceReadingTestsEvidence(EvidenceSandbox sandbox) : InvoiceReadingTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class OperationTestsFull(FullSandbox sandbox) : OperationTests(sandbox), IClassFixture<FullSandbox>;

public sealed class OperationTestsEvidence(EvidenceSandbox sandbox) : OperationTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class OutcomeTestsFull(FullSandbox sandbox) : OutcomeTests(sandbox), IClassFixture<FullSandbox>;

public sealed class OutcomeTestsEvidence(EvidenceSandbox sandbox) : OutcomeTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class PayoutEngineTestsFull(FullSandbox sandbox) : PayoutEngineTests(sandbox), IClassFixture<FullSandbox>;

public sealed class PayoutEngineTestsEvidence(EvidenceSandbox sandbox) : PayoutEngineTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class ResilienceTestsFull(FullSandbox sandbox) : ResilienceTests(sandbox), IClassFixture<FullSandbox>;

public sealed class ResilienceTestsEvidence(EvidenceSandbox sandbox) : ResilienceTests(sandbox), IClassFixture<EvidenceSandbox>;

public sealed class WebhookTestsFull(FullSandbox sandbox) : WebhookTests(sandbox), IClassFixture<FullSandbox>;

public sealed class WebhookTestsEvidence(EvidenceSandbox sandbox) : WebhookTests(sandbox), IClassFixture<EvidenceSandbox>;

/// <summary>Every test class that takes a <see cref="SandboxFixture"/> is abstract and runs in both shapes.</summary>
public sealed class ShapeTests
{
    [Fact]
    public void Every_sandbox_test_class_runs_against_both_shapes()
    {
        var types = typeof(ShapeTests).Assembly.GetTypes();
        var bases = types.Where(t => t.GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(SandboxFixture)))).ToList();
        Assert.NotEmpty(bases);
        foreach (var type in bases)
        {
            Assert.True(type.IsAbstract, $"{type.Name} takes a SandboxFixture: make it abstract and add its two shapes to SandboxShapes.cs");
            foreach (var fixture in new[] { typeof(FullSandbox), typeof(EvidenceSandbox) })
            {
                Assert.Contains(types, t => t.BaseType == type && typeof(IClassFixture<>).MakeGenericType(fixture).IsAssignableFrom(t));
            }
        }
    }
}
