using XRocketPay.Client.Models;

namespace XRocketPay.Client.Tests;

/// <summary>Every operation of the contract, round-tripped against the sandbox.</summary>
public abstract class OperationTests
{
    private readonly SandboxFixture _sandbox;
    private readonly XRocketClient _client;

    protected OperationTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _client = sandbox.Client();
    }

    [Fact]
    public async Task Health_app_balances_currencies_rates_and_quotas()
    {
        Assert.Equal("ok", (await _client.GetHealthAsync()).Status);
        Assert.Equal("XRocketPay Sandbox", (await _client.GetAppInfoAsync()).Name);
        var balances = await _client.GetBalancesAsync();
        Assert.Equal(10_000m, balances.Single(b => b.Asset == "TONCOIN").Available);
        var currencies = await _client.GetCurrenciesAsync("crypto");
        Assert.Contains(currencies, c => c.Code == "USDT" && c.Networks.Any(n => n.Code == "TRX"));
        var rates = await _client.GetRatesAsync("USD", new[] { "TONCOIN", "BTC" });
        Assert.Equal(5.2m, rates.Single(r => r.Currency == "TONCOIN").Value);
        Assert.Equal("USD", rates[0].Base);
        var quotas = await _client.GetWithdrawalQuotasAsync("TON", "TONCOIN");
        Assert.Equal(0.05m, quotas.WithdrawFee);
        Assert.Equal("TON", quotas.Network);
    }

    [Fact]
    public async Task Transfers_create_get_list()
    {
        var created = await _client.CreateTransferAsync(new CreateTransferRequest { Target = "777", Asset = "TONCOIN", Amount = 1.25m, Description = "thanks" });
        Assert.Equal(XRocketOutcome.Sent, created.Outcome);
        Assert.StartsWith("xrp-", created.ClientId);
        Assert.Equal(created.ClientId, created.Value.ClientTransferId);
        Assert.Equal(1.25m, created.Value.Amount);
        Assert.Equal(created.Value.TransferId, (await _client.GetTransferAsync(XRocketRef.ById(created.Value.TransferId))).TransferId);
        Assert.Equal("777", (await _client.GetTransferAsync(XRocketRef.ByClientId(created.ClientId))).Target);
        Assert.Single(_client.ListTransfers());
        Assert.Equal(10_000m - 1.25m, _sandbox.Balance("TONCOIN"));
    }

    [Fact]
    public async Task Mass_transfers_report_each_row_and_a_rerun_is_already_done()
    {
        MassTransferItem[] Rows() => new[]
        {
            new MassTransferItem { Target = "1", Amount = 1m, ClientTransferId = "mt-1" },
            new MassTransferItem { Target = "404404404", Amount = 1m, ClientTransferId = "mt-2" },
            new MassTransferItem { Target = "3", Amount = 2m },
        };

        var first = await _client.CreateMassTransfersAsync("USDT", Rows());
        Assert.Equal(new[] { XRocketOutcome.Sent, XRocketOutcome.Failed, XRocketOutcome.Sent }, first.Select(r => r.Outcome));
        Assert.Equal("target_user_not_found", first[1].Code);
        Assert.StartsWith("xrp-", first[2].ClientTransferId);
        Assert.Equal(10_000m - 3m, _sandbox.Balance("USDT"));

        var again = await _client.CreateMassTransfersAsync("USDT", new[] { new MassTransferItem { Target = "1", Amount = 1m, ClientTransferId = "mt-1" }, new MassTransferItem { Target = "9", Amount = 1m, ClientTransferId = "mt-1x" } });
        Assert.Equal(XRocketOutcome.AlreadyDone, again[0].Outcome);
        Assert.Equal(first[0].Transfer!.TransferId, again[0].Transfer!.TransferId);
        Assert.Equal(XRocketOutcome.Sent, again[1].Outcome);

        var conflict = await _client.CreateMassTransfersAsync("USDT", new[] { new MassTransferItem { Target = "1", Amount = 5m, ClientTransferId = "mt-1" } });
        Assert.Equal(XRocketOutcome.Failed, conflict[0].Outcome);
        Assert.Equal(new[] { "amount" }, Assert.IsType<XRocketConflictException>(conflict[0].Error).DifferingFields);
        Assert.Equal(10_000m - 4m, _sandbox.Balance("USDT"));
    }

    [Fact]
    public async Task Cheques_create_get_update_list_delete()
    {
        var created = await _client.CreateChequeAsync(new CreateChequeRequest { Asset = "USDT", Amount = 10m, Description = "gift", Password = "open sesame" });
        var cheque = created.Value;
        Assert.Equal(10m, cheque.Amount);
        Assert.Equal(ChequeState.Active, cheque.State);
        var updated = await _client.UpdateChequeAsync(XRocketRef.ByClientId(created.ClientId), "new");
        Assert.Equal("new", updated.Description);
        Assert.Single(_client.ListCheques(new ListFilter { State = ChequeState.Active }));
        await _client.DeleteChequeAsync(XRocketRef.ById(cheque.ChequeId));
        Assert.True((await _client.GetChequeAsync(XRocketRef.ById(cheque.ChequeId))).Deleted);
    }

    [Fact]
    public async Task Invoices_create_pay_payments_address_list_delete()
    {
        var created = await _client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "TONCOIN", PriceAmount = 3m, Description = "order", Expiry = TimeSpan.FromHours(1) });
        var invoice = created.Value;
        Assert.Equal(InvoiceStatus.Active, invoice.Status);
        Assert.NotNull(invoice.Links?.TelegramBotLink);
        var address = await _client.CreateInvoicePaymentAddressAsync(XRocketRef.ById(invoice.Id), "TON");
        Assert.Equal("TON", address.PayNetwork);
        var paid = await _client.PayInvoiceTestAsync(XRocketRef.ByClientId(created.ClientId));
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        var payment = Assert.Single(_client.ListInvoicePayments(XRocketRef.ById(invoice.Id)));
        Assert.Equal(3m, payment.PayAmount);
        Assert.Equal(invoice.Id, payment.InvoiceId);
        Assert.Single(_client.ListInvoices(new ListFilter { Status = InvoiceStatus.Paid }));

        var other = (await _client.CreateInvoiceAsync(new CreateInvoiceRequest { PriceCurrency = "USDT", PriceAmount = 1m })).Value;
        await _client.DeleteInvoiceAsync(XRocketRef.ById(other.Id));
        var gone = await Assert.ThrowsAsync<XRocketApiException>(() => _client.GetInvoiceAsync(XRocketRef.ById(other.Id)));
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task Withdrawals_create_get_list_complete_and_link()
    {
        const string address = "0:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        var created = await _client.CreateWithdrawalAsync(new CreateWithdrawalRequest { Network = "TON", Address = address, Asset = "TONCOIN", Amount = 2m });
        Assert.Equal(WithdrawalStatus.Created, created.Value.Status);
        Assert.False(created.Value.IsFinal);
        Withdrawal current = created.Value;
        for (var i = 0; i < 100 && !current.IsFinal; i++)
        {
            await Task.Delay(50);
            current = await _client.GetWithdrawalAsync(XRocketRef.ByClientId(created.ClientId));
        }

        Assert.Equal(WithdrawalStatus.Completed, current.Status);
        Assert.NotNull(current.TxHash);
        Assert.Single(_client.ListWithdrawals(new ListFilter { Status = WithdrawalStatus.Completed }));
        var link = await _client.CreateWithdrawalLinkAsync(new CreateWithdrawalLinkRequest { Network = "TON", Address = address, Asset = "TONCOIN", Amount = 1m });
        Assert.StartsWith("https://t.me/", link.TelegramBotLink);
    }

    [Fact]
    public async Task Amounts_travel_as_invariant_decimal_strings()
    {
        await _client.CreateTransferAsync(new CreateTransferRequest { Target = "5", Asset = "BTC", Amount = 0.123456789m });
        var body = _sandbox.Requests("POST", "/api/v1/transfers").Single().Body;
        Assert.Contains("\"amount\":\"0.123456789\"", body);
    }
}
