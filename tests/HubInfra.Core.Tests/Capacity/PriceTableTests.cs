using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class PriceTableTests
{
    private static MachineType Machine(string name)
    {
        Assert.True(MachineTypeCatalog.TryGet(name, out var m));
        return m;
    }

    [Fact]
    public void The_default_table_is_us_central1_list_prices_of_2026_11_01()
    {
        var p = PriceTable.Default;
        Assert.Equal(("2026-11-01", "us-central1", "USD", 0.35), (p.AsOf, p.Region, p.Currency, p.SpotFactor));
        Assert.Equal(new FamilyPrice(0.027502, 0.003686), p.Families["n2d"]);
        Assert.Equal(8, p.Families.Count);
        Assert.Equal(2.93, p.GpuHourly["nvidia-tesla-a100"]);
        Assert.Equal(8, p.GpuHourly.Count);
    }

    [Fact]
    public void Node_prices_add_vcpus_memory_and_attached_gpus_and_scale_for_spot()
    {
        var m = Machine("n1-standard-8");
        // 8 × 0.031611 + 30 × 0.004237 + 0.35 = 0.252888 + 0.12711 + 0.35
        Assert.Equal(0.729998, PriceTable.Default.NodeHourly(m, false, "nvidia-tesla-t4", 1), 9);
        Assert.Equal(0.729998 * 0.35, PriceTable.Default.NodeHourly(m, true, "nvidia-tesla-t4", 1), 9);
        Assert.Equal(0.379998, PriceTable.Default.NodeHourly(m, false, null, 0), 9);
        // e2-standard-4: 4 × 0.021811 + 16 × 0.002923
        Assert.Equal(0.134012, PriceTable.Default.NodeHourly(Machine("e2-standard-4"), false, null, 0), 9);
    }

    [Fact]
    public void Built_in_gpus_are_priced_once_whether_or_not_they_are_named()
    {
        // g2-standard-24: 24 × 0.024988 + 96 × 0.002928 + 2 × 0.56 = 0.599712 + 0.281088 + 1.12
        var g2 = Machine("g2-standard-24");
        Assert.Equal(2.0008, PriceTable.Default.NodeHourly(g2, false, null, 0), 9);
        Assert.Equal(2.0008, PriceTable.Default.NodeHourly(g2, false, "nvidia-l4", 2), 9);
        // a2-highgpu-1g: 12 × 0.031611 + 85 × 0.004237 + 2.93 = 0.379332 + 0.360145 + 2.93
        Assert.Equal(3.669477, PriceTable.Default.NodeHourly(Machine("a2-highgpu-1g"), false, "nvidia-tesla-a100", 1), 9);
    }

    [Fact]
    public void An_unpriced_family_or_gpu_is_an_error_naming_it()
    {
        var m3 = new MachineType("m3-ultramem-32", "m3", 32, 976);
        var e = Assert.Throws<KeyNotFoundException>(() => PriceTable.Default.NodeHourly(m3, false, null, 0));
        Assert.Contains("'m3'", e.Message);
        var g = Assert.Throws<KeyNotFoundException>(() => PriceTable.Default.NodeHourly(Machine("n1-standard-8"), false, "nvidia-h200-141gb", 1));
        Assert.Contains("nvidia-h200-141gb", g.Message);
    }

    [Fact]
    public void Overrides_replace_and_add_prices_without_changing_the_default()
    {
        var custom = PriceTable.Default.WithOverrides(
            new Dictionary<string, FamilyPrice> { ["n1"] = new(0.1, 0.01), ["m3"] = new(0.05, 0.005) },
            new Dictionary<string, double> { ["nvidia-tesla-t4"] = 0.5 },
            0.3,
            "2027-01-01");
        Assert.Equal("2027-01-01", custom.AsOf);
        Assert.Equal(0.3, custom.SpotFactor);
        var m = Machine("n1-standard-8");
        Assert.Equal(8 * 0.1 + 30 * 0.01 + 0.5, custom.NodeHourly(m, false, "nvidia-tesla-t4", 1), 9); // 1.6
        Assert.Equal(1.6 * 0.3, custom.NodeHourly(m, true, "nvidia-tesla-t4", 1), 9);
        Assert.Equal(32 * 0.05 + 976 * 0.005, custom.NodeHourly(new MachineType("m3-ultramem-32", "m3", 32, 976), false, null, 0), 9);
        Assert.Equal(0.031611, custom.Families["n2"].VCpuHour); // untouched families stay

        Assert.Equal(0.729998, PriceTable.Default.NodeHourly(m, false, "nvidia-tesla-t4", 1), 9);
        Assert.Equal("2026-11-01", PriceTable.Default.AsOf);

        var unchanged = PriceTable.Default.WithOverrides(null, null, null, null);
        Assert.Equal(("2026-11-01", 0.35), (unchanged.AsOf, unchanged.SpotFactor));
        Assert.Equal(0.729998, unchanged.NodeHourly(m, false, "nvidia-tesla-t4", 1), 9);
    }

    [Fact]
    public void Daemon_set_overhead_defaults()
    {
        Assert.Equal(new DaemonSetOverhead(0.4, 0.6), DaemonSetOverhead.Default);
        Assert.Equal(new DaemonSetOverhead(0.5, 1.0), DaemonSetOverhead.GpuDefault);
    }
}

public class RegionalPriceTests
{
    [Theory]
    [InlineData("us-central1", 0.031611, "2026-11-01")]
    [InlineData("us-east1", 0.031611, "2026-12-05")]
    [InlineData("us-west1", 0.031611, "2026-12-05")]
    [InlineData("europe-west1", 0.034773, "2026-12-05")]
    [InlineData("europe-west2", 0.040727, "2026-12-05")]
    [InlineData("europe-west4", 0.0348, "2026-12-05")]
    [InlineData("asia-northeast1", 0.040552, "2026-12-05")]
    [InlineData("australia-southeast1", 0.044853, "2026-12-05")]
    [InlineData("us-east4", 0.035602, "2026-12-05")]
    public void Each_covered_region_has_its_own_rates_date_and_source(string region, double n2VCpu, string asOf)
    {
        var table = PriceTable.For(region)!;
        Assert.Equal((region, asOf, "USD"), (table.Region, table.AsOf, table.Currency));
        Assert.Equal(n2VCpu, table.Families["n2"].VCpuHour, 6);
        Assert.Equal($"USD list prices of {region} as of {asOf}", table.Basis);
        Assert.NotEmpty(table.Source);
    }

    [Fact]
    public void A_region_without_a_table_is_priced_at_us_central1_and_says_it_is_an_estimate()
    {
        Assert.Null(PriceTable.For("europe-north2"));
        var capacity = HubInfra.Core.Model.CapacitySettings.Default.InRegion("europe-north2");
        Assert.Equal("an estimate at USD list prices of us-central1 as of 2026-11-01: no built-in prices for europe-north2 (set hubinfra:capacity.prices)",
            capacity.Prices.Basis);
    }

    [Fact]
    public void Every_region_gke_offers_has_its_own_dated_prices_or_is_flagged()
    {
        foreach (var region in HubInfra.Core.Model.GkeRegions.All)
        {
            var prices = HubInfra.Core.Model.CapacitySettings.Default.InRegion(region.Name).Prices;
            if (PriceTable.For(region.Name) is { } own)
                Assert.Equal((region.Name, (string?)null), (own.Region, prices.EstimatedFor));
            else
                Assert.Contains($"no built-in prices for {region.Name}", prices.Basis);
        }
        Assert.True(PriceTable.For("australia-southeast1")!.Families["n2"].VCpuHour > PriceTable.Default.Families["n2"].VCpuHour);
    }

    [Fact]
    public void An_unpriced_region_is_a_warning_at_the_prices_until_rates_are_given()
    {
        var community = TestStacks.Community.Replace("us-central1", "northamerica-south1");
        var warned = TestStacks.Inline(community);
        Assert.Contains(warned.Problems, p => p.Key == "hubinfra:capacity.prices" && p.Severity == HubInfra.Core.Config.Severity.Warning
                                            && p.Message.Contains("us-central1", StringComparison.Ordinal));
        var priced = TestStacks.Inline(community + "\n  hubinfra:capacity: { prices: { asOf: \"2026-12-01\", families: { n2: { vcpuHour: 0.035, gibHour: 0.0047 } } } }\n");
        Assert.DoesNotContain(priced.Problems, p => p.Key == "hubinfra:capacity.prices");
    }

    [Fact]
    public void A_community_is_priced_in_its_region_and_says_so_when_the_budget_is_in_another_currency()
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace("us-central1", "europe-west2") +
            "\n  hubinfra:budget: { billingAccount: 012345-6789AB-CDEF01, amount: 500, currency: GBP, emails: [a@example.org] }\n").Community!;
        Assert.Equal("europe-west2", stack.Capacity.Prices.Region);
        var prices = HubInfra.Core.Planning.PlanDocument.Prices(stack.Capacity.Prices, stack.Budget);
        Assert.Equal("USD list prices of europe-west2 as of 2026-12-05", prices.Basis);
        Assert.Equal("costs are USD list prices of europe-west2 as of 2026-12-05, not in the budget's GBP; to estimate in GBP, give hubinfra:capacity.prices with currency: GBP and its rates", prices.Note);
    }

    [Fact]
    public void Prices_in_the_budgets_currency_replace_the_table_and_the_note_goes()
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace("us-central1", "europe-west2") +
            "\n  hubinfra:budget: { billingAccount: 012345-6789AB-CDEF01, amount: 500, currency: GBP, emails: [a@example.org] }" +
            "\n  hubinfra:capacity: { prices: { currency: GBP, asOf: \"2026-11-20\", families: { n2: { vcpuHour: 0.032, gibHour: 0.0043 } } } }\n");
        Assert.Empty(stack.Errors);
        var prices = stack.Community!.Capacity.Prices;
        Assert.Equal("GBP list prices of europe-west2 as of 2026-11-20", prices.Basis);
        Assert.Equal(["n2"], prices.Families.Keys); // no USD rate mixed in
        Assert.Null(HubInfra.Core.Planning.PlanDocument.CurrencyNote(prices, stack.Community.Budget));
    }

    [Fact]
    public void Another_currency_without_rates_is_an_error()
    {
        var errors = TestStacks.Errors(TestStacks.Inline(TestStacks.Community + "\n  hubinfra:capacity: { prices: { currency: EUR, asOf: \"2026-11-20\" } }\n"));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:capacity.prices.currency: prices in EUR replace the built-in USD table", StringComparison.Ordinal));
    }
}
