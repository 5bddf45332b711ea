using SmartRetry.Functions.Shared.Declines;

namespace SmartRetry.Functions.Tests.Shared.Declines;

public sealed class DeclineClassifierTests
{
    private readonly DeclineClassifier _classifier = DeclineClassifier.Default;

    [Theory]
    [InlineData("INSUFFICIENT_FUNDS", DeclineCategory.Soft)]
    [InlineData("DO_NOT_HONOR", DeclineCategory.Soft)]
    [InlineData("CVV_FAILURE", DeclineCategory.Soft)]
    [InlineData("3DS_CHALLENGE_FAILED", DeclineCategory.Soft)]
    [InlineData("DUPLICATE_TRANSACTION", DeclineCategory.Soft)]
    [InlineData("VELOCITY_LIMIT", DeclineCategory.Soft)]
    [InlineData("AMOUNT_LIMIT_EXCEEDED", DeclineCategory.Soft)]
    [InlineData("EXPIRED_CARD", DeclineCategory.Hard)]
    [InlineData("FRAUD_SUSPECTED", DeclineCategory.Hard)]
    [InlineData("STOLEN_CARD", DeclineCategory.Hard)]
    [InlineData("LOST_CARD", DeclineCategory.Hard)]
    [InlineData("INVALID_CARD", DeclineCategory.Hard)]
    [InlineData("CARD_RESTRICTED", DeclineCategory.DoNotRetry)]
    public void The_published_decline_table_is_followed(string code, DeclineCategory expected) =>
        Assert.Equal(expected, _classifier.Classify(code).Category);

    [Theory]
    [InlineData("STOLEN_INSTRUMENT", DeclineCategory.Hard)]
    [InlineData("CARD_DEACTIVATED_REPORTED_STOLEN", DeclineCategory.Hard)]
    [InlineData("INVALID_CARD_NUMBER", DeclineCategory.Hard)]
    [InlineData("RESTRICTED_CARD", DeclineCategory.DoNotRetry)]
    [InlineData("STOP_PAYMENT_ORDER", DeclineCategory.DoNotRetry)]
    [InlineData("EXCEEDS_AMOUNT_LIMIT", DeclineCategory.Soft)]
    public void OpenApi_names_for_the_same_conditions_classify_alike(string code, DeclineCategory expected) =>
        Assert.Equal(expected, _classifier.Classify(code).Category);

    [Theory]
    [InlineData("PAYER_ACCOUNT.INSUFFICIENT_FUNDS")]
    [InlineData("payer_account.insufficient_funds")]
    [InlineData(" INSUFFICIENT_FUNDS ")]
    [InlineData("PAYER_ACCOUNT/INSUFFICIENT_FUNDS/NSF")]
    public void Domain_prefixed_lower_case_and_draft_slash_forms_read_as_the_bare_reason(string code)
    {
        DeclineClassification classification = _classifier.Classify(code);

        Assert.Equal("INSUFFICIENT_FUNDS", classification.Reason);
        Assert.Equal(DeclineCategory.Soft, classification.Category);
        Assert.True(classification.IsKnownCode);
    }

    [Fact]
    public void The_domain_prefix_is_kept_and_wins_over_the_status_domain()
    {
        DeclineClassification classification = _classifier.Classify("PAYER_ACCOUNT.STOLEN_INSTRUMENT", "RISK");

        Assert.Equal("PAYER_ACCOUNT", classification.Domain);
        Assert.Equal("STOLEN_INSTRUMENT", classification.Reason);
    }

    [Theory]
    [InlineData("PAYER_ACCOUNT.SOMETHING_NEW", null, DeclineCategory.Hard)]
    [InlineData("SOMETHING_NEW", "PAYMENT_METHOD", DeclineCategory.Hard)]
    [InlineData("SOMETHING_NEW", "RISK", DeclineCategory.DoNotRetry)]
    [InlineData("SOMETHING_NEW", null, DeclineCategory.DoNotRetry)]
    [InlineData(null, null, DeclineCategory.DoNotRetry)]
    [InlineData("", "AUTH", DeclineCategory.DoNotRetry)]
    [InlineData("...", null, DeclineCategory.DoNotRetry)]
    public void Unknown_or_missing_codes_are_never_retried(string? code, string? domain, DeclineCategory expected)
    {
        DeclineClassification classification = _classifier.Classify(code, domain);

        Assert.Equal(expected, classification.Category);
        Assert.False(classification.IsKnownCode);
        Assert.False(classification.MayRetry);
    }

    [Fact]
    public void Every_code_in_the_table_is_one_SmartRetry_publishes()
    {
        var published = PublishedReasonCodes.DeclineTable.Concat(PublishedReasonCodes.OpenApiReasons).ToHashSet(StringComparer.Ordinal);

        Assert.All(_classifier.KnownReasons, code => Assert.Contains(code, published));
    }

    [Fact]
    public void Every_code_of_the_published_decline_table_is_classified()
    {
        Assert.All(PublishedReasonCodes.DeclineTable, code => Assert.True(_classifier.Classify(code).IsKnownCode, code));
    }

    [Fact]
    public void A_custom_table_replaces_the_built_in_one()
    {
        var classifier = new DeclineClassifier(new Dictionary<string, DeclineCategory> { ["card_restricted"] = DeclineCategory.Soft });

        Assert.Equal(DeclineCategory.Soft, classifier.Classify("CARD_RESTRICTED").Category);
        Assert.False(classifier.Classify("INSUFFICIENT_FUNDS").IsKnownCode);
    }
}
