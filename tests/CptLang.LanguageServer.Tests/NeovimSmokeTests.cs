using System.Text.Json;

namespace CptLang.LanguageServer.Tests;

/// <summary>
/// A real editor's LSP client: headless Neovim (its built-in client, `vim.lsp.start_client`, there
/// since 0.5; Debian 12 ships 0.7) starts `cptc lsp`, opens a broken example and must receive
/// the diagnostics `cptc check` prints for it.
/// </summary>
public class NeovimSmokeTests
{
    const string Script = """
        local file, out, dll = os.getenv('CPT_FILE'), os.getenv('CPT_OUT'), os.getenv('CPT_DLL')
        vim.cmd('edit ' .. vim.fn.fnameescape(file))
        local buf = vim.api.nvim_get_current_buf()
        local id = vim.lsp.start_client({ name = 'cptc', cmd = { 'dotnet', dll, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h') })
        vim.lsp.buf_attach_client(buf, id)
        vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
        local result = {}
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
          table.insert(result, { line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col, code = code, message = d.message, severity = d.severity })
        end
        local f = io.open(out, 'w')
        f:write(vim.fn.json_encode(result))
        f:close()
        vim.lsp.stop_client(id)
        vim.cmd('qa!')
        """;

    [NeovimFact]
    public void NeovimReceivesTheDiagnosticsOfCptcCheck()
    {
        string nvim = ExternalTools.Find("nvim") ?? throw new InvalidOperationException("nvim is not installed; CI must install it (.ci/run)");
        string file = Path.Combine(Repository.Baselines, "LanguageExample3Broken", "main.cpt");
        string directory = Directory.CreateTempSubdirectory("cptc-nvim").FullName;
        try
        {
            string script = Path.Combine(directory, "smoke.lua"), output = Path.Combine(directory, "diagnostics.json");
            File.WriteAllText(script, Script);
            var environment = new Dictionary<string, string> { ["CPT_FILE"] = file, ["CPT_OUT"] = output, ["CPT_DLL"] = Repository.CptcDll };
            var (code, log) = ExternalTools.Run(nvim, directory, TimeSpan.FromMinutes(2), environment, "--headless", "--clean", "-n", "-c", $"luafile {script}");
            Assert.True(code == 0 && File.Exists(output), $"nvim exited {code}: {log}");

            using var received = JsonDocument.Parse(File.ReadAllText(output));
            var actual = received.RootElement.EnumerateArray().Select(d =>
                $"{d.GetProperty("line").GetInt32() + 1},{d.GetProperty("col").GetInt32() + 1} {d.GetProperty("code").GetString()} {d.GetProperty("message").GetString()}").ToList();
            var expected = Check(file);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    static List<string> Check(string path)
    {
        var output = new StringWriter();
        Cptc.Cli.Run(["check", "--format", "json", path], output, new StringWriter());
        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d =>
            $"{d.GetProperty("line")},{d.GetProperty("column")} {d.GetProperty("code").GetString()} {d.GetProperty("message").GetString()}; {d.GetProperty("hint").GetString()}")];
    }
}
