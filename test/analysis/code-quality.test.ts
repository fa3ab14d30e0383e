import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();

const WANDB_KEY = ['0123456789', 'abcdef0123', '456789abcd', 'ef01234567'].join('');
const OPENAI_KEY = `sk-${'proj-'}${'A1b2C3d4E5f6G7h8I9j0K1l2M3n4'}`;
const HF_TOKEN = `hf_${'aBcDeFgHiJkLmNoPqRsTuVwXyZ012345'}`;

describe('hardcoded-secret', () => {
  const rule = 'hardcoded-secret';
  it('fires for W&B, OpenAI and Hugging Face credentials without echoing them', () => {
    const code = py`
      import os, wandb, openai
      wandb.login(key="${WANDB_KEY}")
      openai.api_key = "${OPENAI_KEY}"
      os.environ["HF_TOKEN"] = "${HF_TOKEN}"
    `;
    // Pasted together, they are one fix: one finding over the block.
    const found = findings(code, rule);
    expect(found.map((f) => [f.line, f.endLine])).toEqual([[2, 4]]);
    const json = JSON.stringify(found);
    for (const secret of [WANDB_KEY, OPENAI_KEY, HF_TOKEN]) expect(json).not.toContain(secret);
    expect(found[0]).toMatchObject({ severity: 'HIGH', current: expect.stringContaining('wandb.login(key="<redacted>")'), fixed: expect.stringContaining('wandb.login(key=os.environ["WANDB_API_KEY"])') });
    expect(found[0]!.fixed).toContain('os.environ["HF_TOKEN"] = os.environ["HF_TOKEN"]');
  });

  it('stays silent for placeholders, environment lookups and tokenizer settings', () => {
    const code = py`
      import os, wandb
      wandb.login(key=os.environ["WANDB_API_KEY"])
      API_KEY = "your-api-key-here"
      token = os.getenv("HF_TOKEN")
      pad_token = "[PAD]"
      tokenizer_name = "bert-base-uncased-1234567890"
      commit = "9fceb02d0ae598e95dc970b74767f19372d61af8"
    `;
    expect(findings(code, rule)).toEqual([]);
  });
});

describe('hardcoded-path', () => {
  const rule = 'hardcoded-path';
  it('fires once per file for absolute paths, listing the other places', () => {
    const [f, ...rest] = findings(py`
      import pandas as pd
      df = pd.read_csv("/home/alice/data/train.csv")
      model_dir = "C:\\\\Users\\\\alice\\\\models"
    `, rule);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'LOW', line: 2, sites: [{ file: 'train.py', line: 3 }] });
    expect(f?.fixed).toBe('DATA_DIR = Path(os.environ.get("DATA_DIR", "data"))\ndf = pd.read_csv(str(DATA_DIR / "train.csv"))');
  });

  it('stays silent for relative paths, argparse defaults and environment defaults', () => {
    expect(findings(py`
      import argparse, os
      parser = argparse.ArgumentParser()
      parser.add_argument("--data", default="/data/train.csv")
      out = os.environ.get("OUT_DIR", "/mnt/models")
      df = pd.read_csv("data/train.csv")
      tmp = "/tmp/cache"
    `, rule)).toEqual([]);
  });
});

describe('default-hyperparameters', () => {
  const rule = 'default-hyperparameters';
  const HEAD = py`
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import GridSearchCV
  `;
  it('fires for a fitted random forest with only random_state set', () => {
    const [f] = findings(HEAD + 'model = RandomForestClassifier(random_state=0)\nmodel.fit(X_train, y_train)\n', rule);
    expect(f).toMatchObject({ severity: 'LOW', line: 3, fixed: 'model = RandomForestClassifier(n_estimators=500, max_depth=12, min_samples_leaf=2, random_state=0)' });
  });

  it('stays silent when hyperparameters are set, searched, or the model is never trained', () => {
    expect(findings(HEAD + 'RandomForestClassifier(n_estimators=400).fit(X_train, y_train)\n', rule)).toEqual([]);
    expect(findings(HEAD + 'GridSearchCV(RandomForestClassifier(), {"max_depth": [4, 8]}, cv=5).fit(X_train, y_train)\n', rule)).toEqual([]);
    expect(findings(HEAD + 'candidates = [RandomForestClassifier()]\n', rule)).toEqual([]);
  });
});

describe('hardcoded-secret: a service key held in a module constant', () => {
  it('fires for WANDB_KEY = "<40 hex>" used by wandb.login, and stays silent for a key name of a dict or a column', () => {
    const code = py`
      import wandb
      WANDB_KEY = "${WANDB_KEY}"
      wandb.login(key=WANDB_KEY)
      SORT_KEY = "timestamp_utc_2024_01"
    `;
    const found = findings(code, 'hardcoded-secret');
    expect(found.map((f) => f.line)).toEqual([2]);
    expect(JSON.stringify(found)).not.toContain(WANDB_KEY);
  });
});
