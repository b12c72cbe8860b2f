"""Installed size of a distribution and its dependencies not already needed by newsfigures."""
import os, re, sys
from importlib.metadata import distribution, PackageNotFoundError


def closure(name, seen):
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        return
    try:
        d = distribution(name)
    except PackageNotFoundError:
        return
    seen[key] = d
    for req in d.requires or []:
        if "extra ==" in req:
            continue
        closure(re.split(r"[ ;<>=!~\[(]", req, 1)[0], seen)


def size(d):
    total = 0
    for f in d.files or []:
        p = d.locate_file(f)
        if os.path.isfile(p):
            total += os.path.getsize(p)
    return total


base = {}
closure("newsfigures", base)
for target in sys.argv[1:]:
    deps = {}
    closure(target, deps)
    new = {k: d for k, d in deps.items() if k not in base}
    print(f"{target}: {sum(size(d) for d in deps.values()) / 1e6:.1f} MB with all its dependencies; "
          f"{sum(size(d) for d in new.values()) / 1e6:.1f} MB new beyond newsfigures' own:")
    for k, d in sorted(new.items(), key=lambda kv: -size(kv[1])):
        print(f"   {k} {d.version}: {size(d) / 1e6:.1f} MB")
