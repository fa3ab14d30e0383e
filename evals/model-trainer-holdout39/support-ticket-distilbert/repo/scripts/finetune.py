import argparse
import json
import logging
from pathlib import Path

import torch
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from transformers import AutoModelForSequenceClassification, AutoTokenizer, set_seed

from ticketclf.data import TicketDataset, load_tickets, make_loader, three_way_split
from ticketclf.train_loop import evaluate, train

logging.basicConfig(level=logging.INFO)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/distilbert.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df, labels = load_tickets(cfg)
    train_df, val_df, test_df = three_way_split(df, cfg)

    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)},
    ).to(device)

    loaders = {
        name: make_loader(TicketDataset(frame, tok, cfg["text_col"], cfg["max_length"]),
                          cfg["batch_size"], shuffle=(name == "train"), seed=cfg["seed"])
        for name, frame in [("train", train_df), ("val", val_df), ("test", test_df)]
    }
    summary = train(model, loaders["train"], loaders["val"], cfg, device)

    best = AutoModelForSequenceClassification.from_pretrained(Path(cfg["output_dir"]) / "best").to(device)
    tok.save_pretrained(Path(cfg["output_dir"]) / "best")
    summary["test"] = evaluate(best, loaders["test"], device)

    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
                             LogisticRegression(C=4.0, max_iter=3000))
    baseline.fit(train_df[cfg["text_col"]], train_df["label"])
    summary["tfidf_logreg_test_macro_f1"] = f1_score(
        test_df["label"], baseline.predict(test_df[cfg["text_col"]]), average="macro"
    )
    Path(cfg["output_dir"], "summary.json").write_text(json.dumps(summary, indent=2))
    logging.info("summary: %s", summary)


if __name__ == "__main__":
    main()
