from .model import LGBMForecaster, SeasonalNaive
from .diagnostics import cross_validation, performance_metrics
