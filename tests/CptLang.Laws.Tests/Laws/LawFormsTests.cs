using CptLang.Laws.Laws;

namespace CptLang.Laws.Tests.Laws;

/// <summary>The law-form keywords: one table, both directions agree.</summary>
public class LawFormsTests
{
    [Fact]
    public void Every_form_has_one_keyword_and_parses_back()
    {
        Assert.Equal(["eq1", "eq4", "replay", "size", "open", "mpl"], LawForms.Keywords.ToArray());
        foreach (var form in Enum.GetValues<LawForm>())
        {
            string keyword = LawForms.Keyword(form);
            Assert.True(LawForms.TryParse(keyword, out var parsed));
            Assert.Equal(form, parsed);
            Assert.Equal(keyword, LawForms.Keyword(form));
        }
        Assert.Equal(Enum.GetValues<LawForm>().Length, LawForms.Keywords.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("EQ1")]
    [InlineData("eq8")]
    [InlineData(" open")]
    public void Other_words_are_not_forms(string word) => Assert.False(LawForms.TryParse(word, out _));

    [Fact]
    public void An_unknown_form_value_fails_loudly() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LawForms.Keyword((LawForm)99));
}
