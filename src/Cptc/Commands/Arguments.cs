using System.CommandLine;

namespace Cptc.Commands;

/// <summary>Shared argument definitions.</summary>
internal static class Arguments
{
    /// <summary>File arguments; a token that looks like an option is a usage error, not a file name.</summary>
    public static Argument<T> Files<T>(string name, string description, ArgumentArity arity)
    {
        var argument = new Argument<T>(name) { Description = description, Arity = arity };
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}'");
        });
        return argument;
    }
}
