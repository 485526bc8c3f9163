"""spark-submit entry: the same as `python -m enforcerules.spark` (see docs/scale-out.md).

    spark-submit --master yarn --deploy-mode cluster scripts/spark-driver.py \
        national hdfs:///enforcement/facts --as-of 2025-06-30 --out hdfs:///enforcement/findings-2025-06-30
"""

import sys

from enforcerules.spark import main

sys.exit(main())
