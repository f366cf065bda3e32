# Run by ReproGet's DnfResolver with the interpreter dnf itself runs on: dnf's own solver (what `dnf install` calls),
# in a private installroot, cache and reposdir; nothing of the host's dnf.conf, vars or repos is read, nothing is
# downloaded but repository metadata, nothing is installed. argv[1] is the request (JSON); stdout is the answer.
import json
import sys

import dnf
import dnf.exceptions
import hawkey


def main(request):
    base = dnf.Base()
    conf = base.conf
    conf.installroot = request["installroot"]
    conf.cachedir = request["cachedir"]
    conf.persistdir = request["persistdir"]
    conf.logdir = request["logdir"]
    conf.reposdir = [request["reposdir"]]
    conf.releasever = request["releasever"]
    conf.substitutions["releasever"] = request["releasever"]
    conf.arch = request["arch"]
    conf.install_weak_deps = request["weak"]
    conf.metadata_expire = request["metadata_expire"]
    conf.gpgcheck = True
    conf.assumeyes = True
    base.read_all_repos()
    base.fill_sack(load_system_repo=True)
    for spec in request["packages"]:
        base.install(spec)
    base.resolve(allow_erasing=False)
    packages = []
    for pkg in sorted(base.transaction.install_set, key=lambda p: (p.name, p.arch)):
        kind, digest = pkg.chksum
        packages.append({"name": pkg.name, "epoch": pkg.epoch, "version": pkg.version, "release": pkg.release,
                         "arch": pkg.arch, "repo": pkg.reponame, "location": pkg.location,
                         "checksumType": hawkey.chksum_name(kind), "checksum": digest.hex()})
    json.dump({"dnf": dnf.const.VERSION, "packages": packages}, sys.stdout)


try:
    main(json.loads(sys.argv[1]))
except dnf.exceptions.Error as error:
    sys.stderr.write("E: %s\n" % str(error).replace("\n", " | "))
    sys.exit(2)
