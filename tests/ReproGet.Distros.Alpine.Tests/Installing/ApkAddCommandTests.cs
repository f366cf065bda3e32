using ReproGet.Distros.Alpine.Installing;

namespace ReproGet.Distros.Alpine.Tests.Installing;

public sealed class ApkAddCommandTests
{
    [Fact]
    public void Installs_the_files_in_one_offline_transaction_on_the_running_system()
    {
        var command = ApkAddCommand.For("/", null, ["/tmp/w/bash-5.1.16-r2.apk", "/tmp/w/readline-8.1.2-r0.apk"]);
        Assert.Equal("apk", command.FileName);
        Assert.Equal(["add", "--no-network", "/tmp/w/bash-5.1.16-r2.apk", "/tmp/w/readline-8.1.2-r0.apk"], command.Arguments);
        Assert.Equal("apk add --no-network /tmp/w/bash-5.1.16-r2.apk /tmp/w/readline-8.1.2-r0.apk", command.ToString());
    }

    [Fact]
    public void Passes_the_root_and_a_chosen_keys_directory_to_apk()
    {
        var command = ApkAddCommand.For("/srv/alpine", "/etc/repro-get/apk-keys", ["/tmp/w/musl-1.2.3-r0.apk"]);
        Assert.Equal(
            ["add", "--no-network", "--root", "/srv/alpine", "--keys-dir", "/etc/repro-get/apk-keys", "/tmp/w/musl-1.2.3-r0.apk"],
            command.Arguments);
    }

    [Fact]
    public void Never_allows_untrusted_packages()
    {
        var command = ApkAddCommand.For("/srv/alpine", "/keys", ["/tmp/w/x-1-r0.apk"]);
        Assert.DoesNotContain("--allow-untrusted", command.Arguments);
        Assert.DoesNotContain("--allow-untrusted", new AlpineDistro().Bundle.BundleInstallCommand);
    }
}
