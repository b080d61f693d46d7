"""Synthetic daily stats for the rotation benchmark: plans × creatives × days as a generic CSV.

Usage: python3 bench/rotation_data.py OUT.csv PLANS CREATIVES DAYS (written to OUT.csv.tmp, then renamed).
Each creative has its own volume and CTR; about 40% start wearing out within the 90 days (CTR −3%/day, floor −50%).
"""
import datetime, random, sys
path, plans, creatives, days = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(6)
start = datetime.date(2026, 1, 1)
dates = [(start + datetime.timedelta(d)).isoformat() for d in range(days)]
with open(path + ".tmp", "w") as f:
    f.write("date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n")
    for p in range(plans):
        for c in range(creatives):
            base = random.randint(2000, 40000)
            ctr = random.uniform(0.008, 0.03)
            wear = random.randint(20, 200)          # day the creative starts to wear out (often never)
            cid = f"p{p}-c{c}"
            for d, day in enumerate(dates):
                factor = 1.0 if d < wear else max(0.5, 1 - 0.03 * (d - wear))
                imp = int(base * random.uniform(0.8, 1.2))
                clicks = int(imp * ctr * factor * random.uniform(0.85, 1.15))
                orders = clicks // 40
                spend = imp * 0.02
                f.write(f"{day},plan{p},{cid},{imp},{clicks},{imp * 3 // 10},{spend:.2f},{orders},{orders * 55:.2f}\n")
import os
os.rename(path + ".tmp", path)
