#!/bin/bash
# Fresh-process import wall time, best of 3 (after one warm-up run to fill the page cache).
cd "$(dirname "$0")"
py=${PYTHON:-venv/bin/python}
for stmt in "pass" "import extractors.evaluation.war_gold" "import statsmodels.stats.proportion" \
            "import extractors.evaluation.war_gold, statsmodels.stats.proportion" "import scipy.stats" \
            "import tabulate" "import pysbd" "import blingfire" "import rich.table" "import extractors.cli"; do
  $py -c "$stmt" 2>/dev/null
  best=999
  for i in 1 2 3; do
    s=$(date +%s.%N); $py -c "$stmt"; e=$(date +%s.%N)
    best=$(echo "$e - $s" | bc -l | awk -v b=$best '{print ($1<b)?$1:b}')
  done
  printf "%-60s %.3f s\n" "$stmt" "$best"
done
# -X importtime: cumulative microseconds of the top-level module
$py -X importtime -c "import statsmodels.stats.proportion" 2> importtime_statsmodels.txt
grep -E "\| (statsmodels.stats.proportion|scipy.stats|pandas|numpy)$" importtime_statsmodels.txt
