using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XRocketPay.Client.Models;

public sealed class Callback
{
    [JsonPropertyName(Fields.CallbackUrl)] public string? CallbackUrl { get; init; }
    [JsonPropertyName(Fields.Payload)] public JsonElement? Payload { get; init; }
}

public sealed class RedirectUrls
{
    [JsonPropertyName(Fields.SuccessUrl)] public string? SuccessUrl { get; init; }
    [JsonPropertyName(Fields.CancelUrl)] public string? CancelUrl { get; init; }
}

public sealed class Links
{
    [JsonPropertyName(Fields.TelegramBotLink)] public string? TelegramBotLink { get; init; }
    [JsonPropertyName(Fields.TelegramMiniAppLink)] public string? TelegramMiniAppLink { get; init; }
    [JsonPropertyName(Fields.WebLink)] public string? WebLink { get; init; }
}

public sealed class HealthComponent
{
    [JsonPropertyName(Fields.Name)] public string? Name { get; init; }
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Message)] public string? Message { get; init; }
}

public sealed class Health
{
    [JsonPropertyName(Fields.Status)] public string? Status { get; init; }
    [JsonPropertyName(Fields.Info)] public IReadOnlyList<HealthComponent>? Info { get; init; }
    [JsonPropertyName(Fields.Error)] public IReadOnlyList<HealthComponent>? Error { get; init; }
    [JsonPropertyName(Fields.Details)] public IReadOnlyList<HealthComponent>? Details { get; init; }
}

public sealed class App
{
    [JsonPropertyName(Fields.Id)] public string? Id { get; init; }
    [JsonPropertyName(Fields.Name)] public string? Name { get; init; }

    public override string ToString() => $"{Name} ({Id})";
}

public sealed class AssetBalance
{
    [JsonPropertyName(Fields.Asset)] public string Asset { get; init; } = "";
    [JsonPropertyName(Fields.Balance)] public decimal Balance { get; init; }
    [JsonPropertyName(Fields.Available)] public decimal Available { get; init; }
    [JsonPropertyName(Fields.Holds)] public decimal Holds { get; init; }

    public override string ToString() => $"{XRocketMoney.Format(Balance)} {Asset}";
}

internal sealed class BalanceList
{
    [JsonPropertyName(Fields.Balances)] public List<AssetBalance> Balances { get; init; } = new();
}

public sealed class CurrencyNetwork
{
    [JsonPropertyName(Fields.Code)] public string Code { get; init; } = "";

    public override string ToString() => Code;
}

public sealed class Currency
{
    [JsonPropertyName(Fields.Code)] public string Code { get; init; } = "";
    [JsonPropertyName(Fields.Title)] public string? Title { get; init; }
    [JsonPropertyName(Fields.Kind)] public string? Kind { get; init; }
    [JsonPropertyName(Fields.Networks)] public IReadOnlyList<CurrencyNetwork> Networks { get; init; } = Array.Empty<CurrencyNetwork>();

    public override string ToString() => Code;
}

public sealed class Rate
{
    [JsonPropertyName(Fields.Currency)] public string Currency { get; init; } = "";
    [JsonPropertyName(Fields.Rate)] public decimal Value { get; init; }

    /// <summary>The base currency asked for (not in the API body; filled by the client).</summary>
    [JsonIgnore] public string? Base { get; internal set; }
}

public sealed class WithdrawalQuotas
{
    [JsonPropertyName(Fields.WithdrawMinSize)] public decimal WithdrawMinSize { get; init; }
    [JsonPropertyName(Fields.WithdrawFee)] public decimal WithdrawFee { get; init; }
    [JsonPropertyName(Fields.WithdrawFeeAsset)] public string? WithdrawFeeAsset { get; init; }
    [JsonPropertyName(Fields.Precision)] public int? Precision { get; init; }

    [JsonIgnore] public string? Network { get; internal set; }
    [JsonIgnore] public string? Asset { get; internal set; }
}

/// <summary>One page of a list: its items, the cursor of the next page (null at the end) and the total when given.</summary>
public sealed class XRocketPage<T>
{
    [JsonPropertyName(Fields.Items)] public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();
    [JsonPropertyName(Fields.Pagination)] public XRocketPagination? Pagination { get; init; }

    [JsonIgnore] public string? Next => Pagination?.Next;
}

public sealed class XRocketPagination
{
    [JsonPropertyName(Fields.Total)] public int? Total { get; init; }
    [JsonPropertyName(Fields.Next)] public string? Next { get; init; }
}
