using System.Collections.Immutable;

namespace CptLang.Laws.Laws;

/// <summary>The law of one named validation set, as a file declares it.</summary>
public abstract record LawDefinition(string Name);

/// <summary>A validation set with its own fitted parameters.</summary>
public sealed record ParametricLaw(string Name, LawParameters Parameters) : LawDefinition(Name);

/// <summary>One weighted law of an out-of-domain sum.</summary>
public sealed record WeightedTerm(double Weight, string Law);

/// <summary>An out-of-domain set (Eq. 6): <c>L = Σ k_i·L_i</c>, no intercept. Terms name
/// parametric laws of the same file.</summary>
public sealed record WeightedSumLaw(string Name, ImmutableArray<WeightedTerm> Terms) : LawDefinition(Name);
