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
