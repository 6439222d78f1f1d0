#!/usr/bin/env python3
"""Leave-3-out cross-validation of the buzz detector on the six NAB dev files.

For each of the 20 ways to hold out 3 of the 6 tweets-dev files, the threshold is chosen on the
other 3 (nab_score.py's "tuned" mode, --tune-on) and the held-out 3 are scored with it. Prints
every split and the mean and minimum of the standard profile's normalised score.

USAGE
  node packages/server/bin/blouse.js eval buzz --data ../shared/data/nab-realtweets/data --out /tmp/nab
  python3 packages/buzz/scripts/nab-leave-three-out.py --dir /tmp/nab \
      [--scorer ../shared/tools/nab_score.py] [--profile standard] [--json]
"""

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys

DEV = ["AAPL", "AMZN", "CRM", "CVS", "FB", "GOOG"]
HERE = os.path.dirname(os.path.abspath(__file__))
# ../shared/tools beside the repository (as in the README), or one level up from a worktree.
CANDIDATES = [os.path.normpath(os.path.join(HERE, *([".."] * up), "shared", "tools", "nab_score.py"))
              for up in (4, 5)]
DEFAULT_SCORER = next((path for path in CANDIDATES if os.path.isfile(path)), CANDIDATES[0])


def files(names):
    return ",".join("Twitter_volume_%s" % name for name in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="output of blouse eval buzz")
    parser.add_argument("--scorer", default=os.environ.get("NAB_SCORER", DEFAULT_SCORER))
    parser.add_argument("--profile", default="standard")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not os.path.isfile(args.scorer):
        sys.exit("nab_score.py not found at %s (use --scorer)" % args.scorer)
    splits = []
    for held in itertools.combinations(DEV, 3):
        tune = [name for name in DEV if name not in held]
        out = subprocess.run(
            [sys.executable, args.scorer, "--dir", args.dir, "--name", "blouse",
             "--files", files(held), "--tune-on", files(tune), "--format", "json"],
            check=True, capture_output=True, text=True).stdout
        result = next(r for r in json.loads(out)["results"]
                      if r["profile"] == args.profile and r["mode"] == "tuned")
        splits.append({"held_out": list(held), "threshold": result["threshold"], "score": result["score"],
                       "windows": result["windows"], "detected": result["windows_detected"],
                       "fp_runs": result["fp_runs"]})
    scores = [split["score"] for split in splits]
    summary = {"profile": args.profile, "splits": splits, "mean": statistics.mean(scores), "min": min(scores)}
    if args.json:
        json.dump(summary, sys.stdout, indent=1)
        print()
        return
    for split in splits:
        print("%-16s threshold %.6f  score %7.2f  windows %d/%d  false runs %d" % (
            " ".join(split["held_out"]), split["threshold"], split["score"], split["detected"],
            split["windows"], split["fp_runs"]))
    print("leave-3-out (%s): mean %.2f, min %.2f over %d splits" % (
        args.profile, summary["mean"], summary["min"], len(splits)))


if __name__ == "__main__":
    main()
