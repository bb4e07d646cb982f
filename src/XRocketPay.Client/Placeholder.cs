namespace XRocketPay.Client;

public static class Placeholder
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new();
}
