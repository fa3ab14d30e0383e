import pandas as pd

NON_FEATURES = {"lot_id", "wafer_id", "etch_tool", "chamber", "recipe", "post_etch_fail"}


def load(path):
    df = pd.read_parquet(path)
    # tool-specific offsets are removed by matching each sensor to the recipe setpoint (row-wise)
    for col in [c for c in df.columns if c.endswith("_mean") and f"{c[:-5]}_setpoint" in df.columns]:
        df[f"{col[:-5]}_dev"] = df[col] - df[f"{col[:-5]}_setpoint"]
    return df


def feature_list(df):
    return [c for c in df.columns if c not in NON_FEATURES and not c.endswith("_setpoint")]


def by_tool(df, tool_col, valid_tools, test_tools):
    test = df[df[tool_col].isin(test_tools)]
    valid = df[df[tool_col].isin(valid_tools)]
    train = df[~df[tool_col].isin(list(valid_tools) + list(test_tools))]
    return train, valid, test
