namespace SmartRetry.Functions.Shared.Cards;

/// <summary>What may be kept about a card after authorization: SmartRetry's token and non-sensitive display data.</summary>
public sealed record CardSummary(string? Token, string? LastFour, string? Bin, string? Brand);
