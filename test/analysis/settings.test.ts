// Settings files (YAML, TOML, JSON) and command-line defaults: the values the code takes from them
// reach the dataflow, and the line that set a value is cited as a site.
import { describe, expect, it } from 'vitest';
import { isConfigFile, parseConfig, resolveConfigPath } from '../../src/analysis/config-files.js';
import { py, useAnalyzer } from './helpers.js';

const { analyze, findings } = useAnalyzer();
const REQ = { 'requirements.txt': 'xgboost==2.1.1\npandas==2.2.3\nscikit-learn==1.5.2\npyyaml==6.0.2\n' };

describe('settings files', () => {
  it('tells settings from tool files and JSON data', () => {
    expect(['conf/train.yaml', 'config/chess.toml', 'configs/params.json', 'hparams.json'].every(isConfigFile)).toBe(true);
    expect(['pyproject.toml', 'environment.yml', '.github/workflows/ci.yml', 'package.json', 'data/annotations.json', 'train.py'].some(isConfigFile)).toBe(false);
  });

  it('parses YAML and TOML with the line of every key, and gives up quietly on broken files', () => {
    const yaml = parseConfig('conf/train.yaml', 'data:\n  test: data/test.csv\ntraining:\n  monitor: test\n  seeds: [1, 2]\n');
    expect(yaml?.value).toEqual({ data: { test: 'data/test.csv' }, training: { monitor: 'test', seeds: [1, 2] } });
    expect(yaml?.lines.get('training.monitor')).toBe(4);
    const toml = parseConfig('config/run.toml', '[data]\nseed = 3\n\n[training]\nmonitor_split = "test"  # which pool\n');
    expect(toml?.value).toEqual({ data: { seed: 3 }, training: { monitor_split: 'test' } });
    expect(toml?.lines.get('training.monitor_split')).toBe(5);
    expect(parseConfig('conf/bad.yaml', 'a: [1, 2\nb: }')).toBeUndefined();
    expect(parseConfig('conf/bad.toml', '[a\nb = ')).toBeUndefined();
  });

  it('resolves the path the code writes: from the root, from the reading file, or by a unique ending', () => {
    const files = ['conf/train.yaml', 'src/pkg/defaults.yaml', 'a/x.yaml', 'b/x.yaml'];
    expect(resolveConfigPath(files, 'train.py', './conf/train.yaml')).toBe('conf/train.yaml');
    expect(resolveConfigPath(files, 'src/pkg/run.py', 'defaults.yaml')).toBe('src/pkg/defaults.yaml');
    expect(resolveConfigPath(files, 'scripts/run.py', '../conf/train.yaml')).toBe('conf/train.yaml');
    expect(resolveConfigPath(files, 'run.py', 'x.yaml')).toBeUndefined();
    expect(resolveConfigPath(files, 'run.py', 'data/train.csv')).toBeUndefined();
  });
});

describe('test-set-selection: the part to monitor named in a YAML file', () => {
  const code = py`
    import argparse
    import pandas as pd
    import xgboost as xgb
    import yaml
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/train.yaml")
    args = ap.parse_args()
    with open(args.config) as fh:
        cfg = yaml.safe_load(fh)
    df = pd.read_csv("loans.csv")
    dev, test = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=cfg["seed"])
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev["y"], random_state=cfg["seed"])
    sets = {"train": train, "valid": valid, "test": test}
    watch = sets[cfg["training"]["monitor"]]
    model = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=100, random_state=cfg["seed"])
    model.fit(train.drop(columns="y"), train["y"], eval_set=[(watch.drop(columns="y"), watch["y"])])
    print(roc_auc_score(test["y"], model.predict_proba(test.drop(columns="y"))[:, 1]))
  `;
  const files = (monitor: string) => ({ ...REQ, 'train.py': code, 'conf/train.yaml': `seed: 7\ntraining:\n  monitor: ${monitor}\n  rounds: 2000\n` });

  it('fires when the file says "test", citing the YAML line as a site', () => {
    const found = findings(files('test'), 'test-set-selection');
    expect(found.map((f) => [f.file, f.line])).toEqual([['train.py', 19]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'conf/train.yaml', line: 3 }]));
  });

  it('stays silent when it says "valid"', () => {
    expect(findings(files('valid'), 'test-set-selection')).toEqual([]);
  });

  it('says the settings file was read', () => {
    expect(analyze(files('valid')).summary).toContain('with 1 settings file read');
  });
});

describe('fit-on-test: a data path taken from a TOML file names the part', () => {
  const code = (key: string) => py`
    import tomllib
    import pandas as pd
    from sklearn.preprocessing import StandardScaler

    def main(config="settings/run.toml"):
        with open(config, "rb") as fh:
            cfg = tomllib.load(fh)
        frame = pd.read_csv(cfg["paths"]["${key}"])
        scaled = StandardScaler().fit_transform(frame[["a", "b"]])
        return scaled
  `;
  const files = (key: string) => ({ ...REQ, 'run.py': code(key), 'settings/run.toml': '[paths]\ntrain = "data/claims_train.csv"\nholdout = "data/claims_test.csv"\n' });

  it('fires for a scaler fitted on the file the settings call the test file', () => {
    expect(findings(files('holdout'), 'fit-on-test').map((f) => f.line)).toEqual([9]);
  });

  it('stays silent for the training file', () => {
    expect(findings(files('train'), 'fit-on-test')).toEqual([]);
  });
});

describe('a dict comprehension over a keyed dict of parts stays keyed', () => {
  it('keeps each part under its key (the test pool is still the test rows)', () => {
    const code = py`
      from catboost import CatBoostClassifier, Pool
      import pandas as pd
      from sklearn.model_selection import train_test_split
      games = pd.read_parquet("games.parquet")
      dev, test = train_test_split(games, test_size=0.2, random_state=0)
      train, valid = train_test_split(dev, test_size=0.1, random_state=0)
      parts = {"train": train, "valid": valid, "test": test}
      pools = {name: Pool(df.drop(columns="y"), df["y"]) for name, df in parts.items()}
      model = CatBoostClassifier(iterations=3000, random_seed=0)
      model.fit(pools["train"], eval_set=pools["test"], use_best_model=True)
    `;
    expect(findings({ ...REQ, 'train.py': code }, 'test-set-selection').map((f) => f.line)).toEqual([10]);
    expect(findings({ ...REQ, 'train.py': code.replace('eval_set=pools["test"]', 'eval_set=pools["valid"]') }, 'test-set-selection')).toEqual([]);
  });
});
