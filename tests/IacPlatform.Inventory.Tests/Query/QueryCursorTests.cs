using System.Buffers.Text;
using System.Text;
using IacPlatform.Inventory.Query;
using Shouldly;

namespace IacPlatform.Inventory.Tests.Query;

public sealed class QueryCursorTests
{
    private static readonly IReadOnlyList<SortKey> Sort = SortParser.Parse("-updated_at,tags.tier,version", "sort", new QueryErrors())!;

    [Fact]
    public void EncodeDecode_RoundTripsEveryType()
    {
        object?[] values = [new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1230), null, 42L, Guid.CreateVersion7()];

        var cursor = QueryCursor.Encode(Sort, values);
        var errors = new QueryErrors();

        cursor.ShouldNotContain("+");
        cursor.ShouldNotContain("/");
        QueryCursor.Decode(cursor, Sort, "cursor", errors).ShouldBe(values);
        errors.Any.ShouldBeFalse();
    }

    [Fact]
    public void Decode_CursorOfAnotherSort_IsRefused()
    {
        var cursor = QueryCursor.Encode(SortParser.Default, ["web", Guid.Empty]);
        var errors = new QueryErrors();

        QueryCursor.Decode(cursor, Sort, "pagination.cursor", errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Field.ShouldBe("pagination.cursor");
        errors.Items[0].Message.ShouldContain("another sort ('name:asc,id:asc')");
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("")]
    [InlineData("e30")]
    public void Decode_Garbage_IsRefused(string cursor)
    {
        var errors = new QueryErrors();

        QueryCursor.Decode(cursor, Sort, "cursor", errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Message.ShouldContain("not valid");
    }

    [Theory]
    [InlineData("""{"s": "name:asc,id:asc", "k": [5, "00000000-0000-0000-0000-000000000000"]}""")]
    [InlineData("""{"s": "name:asc,id:asc", "k": ["a", "not-a-uuid"]}""")]
    [InlineData("""{"s": "name:asc,id:asc", "k": ["a"]}""")]
    [InlineData("""{"s": "name:asc,id:asc", "k": [null, "00000000-0000-0000-0000-000000000000"]}""")]
    public void Decode_TamperedValues_AreRefused(string payload)
    {
        var errors = new QueryErrors();

        QueryCursor.Decode(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)), SortParser.Default, "cursor", errors).ShouldBeNull();

        errors.Items.ShouldHaveSingleItem().Message.ShouldContain("not valid");
    }
}
