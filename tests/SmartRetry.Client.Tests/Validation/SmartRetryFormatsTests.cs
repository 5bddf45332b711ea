using SmartRetry.Client.Tests.Support;
using SmartRetry.Client.Validation;

namespace SmartRetry.Client.Tests.Validation;

public sealed class SmartRetryFormatsTests
{
    [Theory]
    [InlineData(TestCards.Visa, true, true)]
    [InlineData("5555555555554444", true, true)]
    [InlineData("378282246310005", true, true)]
    [InlineData("4111111111111112", true, false)]
    [InlineData("4111 1111 1111 1111", false, false)]
    [InlineData("411111111111", false, false)]
    [InlineData("41111111111111111111", false, false)]
    public void A_card_number_needs_13_to_19_digits_and_a_matching_check_digit(string number, bool shape, bool valid)
    {
        Assert.Equal(shape, SmartRetryFormats.IsCardNumberShape(number));
        Assert.Equal(valid, shape && SmartRetryFormats.PassesLuhn(number));
    }

    [Theory]
    [InlineData("123", true)]
    [InlineData("1234", true)]
    [InlineData("12", false)]
    [InlineData("12a", false)]
    [InlineData("١٢٣", false)]
    public void A_cvv_is_three_or_four_ascii_digits(string cvv, bool valid) => Assert.Equal(valid, SmartRetryFormats.IsCvv(cvv));

    [Theory]
    [InlineData("+12125551234", true)]
    [InlineData("12125551234", false)]
    [InlineData("+02125551234", false)]
    [InlineData("+١٢١٢٥٥٥١٢٣٤", false)]
    public void A_phone_number_is_E164_in_ascii_digits(string phoneNumber, bool valid) =>
        Assert.Equal(valid, SmartRetryFormats.IsE164PhoneNumber(phoneNumber));

    [Theory]
    [InlineData("jane.doe@example.com", true)]
    [InlineData("jane.doe@example", false)]
    [InlineData("jane doe@example.com", false)]
    public void An_email_follows_SmartRetrys_pattern(string email, bool valid) => Assert.Equal(valid, SmartRetryFormats.IsEmail(email));
}
