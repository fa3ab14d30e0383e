"""Tiny sklearn port of a Rasa NLU pipeline definition."""
import re

import yaml
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer


def whitespace_tokenize(texts):
    return [" ".join(re.findall(r"[^\s.,!?;:]+", t.lower())) for t in texts]


def load_nlu_yaml(path):
    """Parse Rasa 3.x nlu.yml into (texts, intents); strips [entity](slot) annotations."""
    with open(path) as f:
        doc = yaml.safe_load(f)
    texts, intents = [], []
    for block in doc["nlu"]:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line[2:])
            text = re.sub(r"\[([^\]]+)\]\{[^}]+\}", r"\1", text)
            texts.append(text)
            intents.append(block["intent"])
    return texts, intents


def build_pipeline(components, seed):
    steps, featurizers, clf = [], [], None
    for comp in components:
        name = comp["name"]
        if name == "WhitespaceTokenizer":
            steps.append(("tokenize", FunctionTransformer(whitespace_tokenize)))
        elif name == "CountVectorsFeaturizer":
            featurizers.append((
                f"cv_{comp['analyzer']}_{len(featurizers)}",
                CountVectorizer(analyzer=comp["analyzer"], ngram_range=(comp["min_ngram"], comp["max_ngram"])),
            ))
        elif name == "LogisticRegressionClassifier":
            clf = LogisticRegression(C=comp["C"], max_iter=3000, class_weight="balanced", random_state=seed)
        else:
            raise ValueError(f"unsupported component {name}")
    steps.append(("featurize", FeatureUnion(featurizers)))
    steps.append(("classify", clf))
    return Pipeline(steps)
