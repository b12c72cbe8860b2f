"""3. Wilson interval: extractors.evaluation.war_gold.wilson vs statsmodels proportion_confint(method="wilson")."""
import math, time, warnings
t0 = time.perf_counter()
from statsmodels.stats.proportion import proportion_confint
import_s = time.perf_counter() - t0
from scipy.stats import norm
from extractors.evaluation.war_gold import wilson

z_exact = norm.ppf(0.975)                    # what statsmodels uses for alpha=0.05
alpha_for_196 = 2 * (1 - norm.cdf(1.96))     # the alpha whose z is exactly 1.96
pairs = [(k, n) for n in range(1, 201) for k in range(n + 1)]


def compare(alpha, ours_z, label):
    worst, where, rounding = 0.0, None, 0
    for k, n in pairs:
        lo, hi = wilson(k, n, ours_z)
        slo, shi = proportion_confint(k, n, alpha=alpha, method="wilson")
        d = max(abs(lo - slo), abs(hi - shi))
        if d > worst:
            worst, where = d, (k, n, (lo, hi), (float(slo), float(shi)))
        rounding += (round(lo, 4), round(hi, 4)) != (round(float(slo), 4), round(float(shi), 4))
    print(f"{label}: max |diff| = {worst:.3e} at k={where[0]}, n={where[1]} ours={where[2]} statsmodels={where[3]};"
          f" pairs whose 4-decimal rounding (as war_gold reports) differs: {rounding} of {len(pairs)}")


print(f"z: ours 1.96, statsmodels alpha=0.05 -> {z_exact!r}")
compare(0.05, 1.96, "as called (ours z=1.96, statsmodels alpha=0.05)")
compare(alpha_for_196, 1.96, f"same z (statsmodels alpha={alpha_for_196:.10f})")
compare(0.05, z_exact, "same z (ours z=norm.ppf(0.975))")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print("n=0: ours", wilson(0, 0), "statsmodels", proportion_confint(0, 0, method="wilson"), [str(x.message)[:80] for x in w])
print("vectorised statsmodels over all pairs, and the endpoints at k=0 and k=n:",
      [proportion_confint(0, 10, method="wilson"), wilson(0, 10), proportion_confint(10, 10, method="wilson"), wilson(10, 10)])
import numpy as np
ks = np.array([k for k, _ in pairs]); ns = np.array([n for _, n in pairs])
for name, f in (("ours, 20,300 pairs", lambda: [wilson(k, n) for k, n in pairs]),
                ("statsmodels scalar calls", lambda: [proportion_confint(k, n, method="wilson") for k, n in pairs]),
                ("statsmodels one vectorised call", lambda: proportion_confint(ks, ns, method="wilson"))):
    best = min((lambda s: (f(), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(3))
    print(f"{name}: {best * 1000:.1f} ms")
print(f"in-process import of statsmodels.stats.proportion (after extractors): {import_s:.2f} s")
