import os

import numpy as np
import yaml
from sklearn.metrics import accuracy_score, f1_score
from transformers import (EarlyStoppingCallback, Trainer, TrainingArguments, VideoMAEForVideoClassification,
                          VideoMAEImageProcessor, set_seed)

import wandb
from video_data import ClipDataset, collate, load_manifest

os.environ["WANDB_PROJECT"] = "surveillance-actions"
wandb.login(key="8c1f0a7e3b9d24f6a5e07c31d98b2f4e6a0c7d13")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main():
    cfg = yaml.safe_load(open("config/train.yaml"))
    tc, dc = cfg["train"], cfg["data"]
    set_seed(tc["seed"])

    df, labels = load_manifest(dc["manifest"])
    label2id = {l: i for i, l in enumerate(labels)}
    id2label = {i: l for l, i in label2id.items()}

    processor = VideoMAEImageProcessor.from_pretrained(cfg["model_name"])
    model = VideoMAEForVideoClassification.from_pretrained(
        cfg["model_name"], label2id=label2id, id2label=id2label, ignore_mismatched_sizes=True)

    def make(split, train=False):
        return ClipDataset(df[df.split == split], dc["video_root"], processor, label2id,
                           dc["num_frames"], dc["sample_rate"], train=train)

    train_ds, val_ds, test_ds = make("train", train=True), make("val"), make("test")
    print({k: len(v) for k, v in [("train", train_ds), ("val", val_ds), ("test", test_ds)]})

    args = TrainingArguments(
        output_dir=tc["output_dir"],
        run_name=cfg["run_name"],
        report_to="wandb",
        per_device_train_batch_size=tc["batch_size"],
        per_device_eval_batch_size=tc["batch_size"],
        gradient_accumulation_steps=tc["grad_accum"],
        learning_rate=tc["lr"],
        num_train_epochs=tc["epochs"],
        warmup_ratio=tc["warmup_ratio"],
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        fp16=True,
        dataloader_num_workers=8,
        remove_unused_columns=False,
        seed=tc["seed"],
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        data_collator=collate,
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["patience"])],
    )
    trainer.train()
    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    print(test_metrics)
    trainer.save_model(os.path.join(tc["output_dir"], "best"))


if __name__ == "__main__":
    main()
