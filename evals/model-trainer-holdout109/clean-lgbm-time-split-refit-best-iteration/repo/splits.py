import pandas as pd


def time_windows(df, date_col, train_end, valid_end, test_end):
    m = pd.PeriodIndex(df[date_col], freq="M")
    train = df[m <= pd.Period(train_end, "M")]
    valid = df[(m > pd.Period(train_end, "M")) & (m <= pd.Period(valid_end, "M"))]
    test = df[(m > pd.Period(valid_end, "M")) & (m <= pd.Period(test_end, "M"))]
    return train, valid, test


def describe(parts, target):
    for name, part in parts.items():
        print(f"{name:6s} n={len(part):>8,}  default rate={part[target].mean():.3%}")
