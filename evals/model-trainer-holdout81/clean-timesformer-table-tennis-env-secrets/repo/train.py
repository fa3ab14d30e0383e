import os

import numpy as np
import toml
import wandb
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from transformers import (AutoImageProcessor, EarlyStoppingCallback, Trainer, TrainingArguments,
                          TimesformerForVideoClassification, set_seed)

from tt_dataset import StrokeClips, load_manifest


def metrics_from_preds(labels, preds):
    return {"accuracy": accuracy_score(labels, preds), "balanced_accuracy": balanced_accuracy_score(labels, preds),
            "macro_f1": f1_score(labels, preds, average="macro")}


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    return metrics_from_preds(labels, np.argmax(logits, axis=-1))


def main():
    cfg = toml.load("train_config.toml")
    dc, tc = cfg["data"], cfg["train"]
    set_seed(cfg["seed"])

    wandb_key = os.environ.get("WANDB_API_KEY")
    if wandb_key:
        wandb.login(key=wandb_key)
    hub_token = os.environ.get("HF_TOKEN")

    df, label2id = load_manifest(dc["manifest"])
    id2label = {v: k for k, v in label2id.items()}
    processor = AutoImageProcessor.from_pretrained(cfg["model_name"])
    model = TimesformerForVideoClassification.from_pretrained(
        cfg["model_name"], num_labels=len(label2id), label2id=label2id, id2label=id2label,
        ignore_mismatched_sizes=True)

    splits = {s: StrokeClips(df[df.split == s], dc["clip_dir"], processor, label2id, dc["num_frames"], s == "train")
              for s in ("train", "val", "test")}

    args = TrainingArguments(
        output_dir=tc["output_dir"],
        per_device_train_batch_size=tc["batch_size"],
        per_device_eval_batch_size=tc["batch_size"],
        gradient_accumulation_steps=tc["grad_accum"],
        learning_rate=tc["lr"],
        num_train_epochs=tc["epochs"],
        warmup_ratio=0.1,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        bf16=True,
        remove_unused_columns=False,
        report_to="wandb" if wandb_key else "none",
        seed=cfg["seed"],
        push_to_hub=hub_token is not None,
        hub_model_id=cfg["hub_repo"],
        hub_token=hub_token,
    )
    trainer = Trainer(model=model, args=args, train_dataset=splits["train"], eval_dataset=splits["val"],
                      compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["patience"])])
    trainer.train()

    test_labels = df[df.split == "test"].stroke.map(label2id).to_numpy()
    majority = df[df.split == "train"].stroke.map(label2id).mode()[0]
    print("majority baseline:", metrics_from_preds(test_labels, np.full_like(test_labels, majority)))
    print("timesformer:", trainer.evaluate(splits["test"], metric_key_prefix="test"))

    trainer.save_model(os.path.join(tc["output_dir"], "best"))
    if hub_token:
        trainer.push_to_hub()


if __name__ == "__main__":
    main()
