"""Fine-tune Whisper on Common Voice (Catalan) with validation-based model selection."""
import argparse
import json
import os

import evaluate
import torch
import yaml
from datasets import Audio, DatasetDict, load_dataset
from transformers import (
    EarlyStoppingCallback,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    WhisperForConditionalGeneration,
    WhisperProcessor,
    set_seed,
)

from text_norm import normalise


def build_collator(processor, start_id):
    def collate(features):
        batch = processor.feature_extractor.pad(
            [{"input_features": f["input_features"]} for f in features], return_tensors="pt")
        lab = processor.tokenizer.pad([{"input_ids": f["labels"]} for f in features], return_tensors="pt")
        labels = lab["input_ids"].masked_fill(lab.attention_mask.ne(1), -100)
        if (labels[:, 0] == start_id).all():
            labels = labels[:, 1:]
        batch["labels"] = labels
        return batch
    return collate


def main(cfg):
    set_seed(cfg["seed"])
    token = os.environ["HF_TOKEN"]
    processor = WhisperProcessor.from_pretrained(cfg["model_name"], language=cfg["language"], task="transcribe")

    cv = DatasetDict({
        split: load_dataset(cfg["dataset"], cfg["language_code"], split=split, token=token)
        for split in ("train", "validation", "test")
    })
    cv = cv.select_columns(["audio", "sentence"]).cast_column("audio", Audio(sampling_rate=16000))
    cv["validation"] = cv["validation"].shuffle(seed=cfg["seed"]).select(range(cfg["val_subset"]))

    def prepare(batch):
        audio = batch["audio"]
        batch["input_features"] = processor.feature_extractor(
            audio["array"], sampling_rate=16000).input_features[0]
        batch["seconds"] = len(audio["array"]) / 16000
        batch["labels"] = processor.tokenizer(batch["sentence"]).input_ids
        return batch

    cv = cv.map(prepare, remove_columns=["audio", "sentence"], num_proc=8)
    cv["train"] = cv["train"].filter(lambda s: s < cfg["max_input_seconds"], input_columns=["seconds"])

    wer, cer = evaluate.load("wer"), evaluate.load("cer")

    def compute_metrics(pred):
        ids = pred.label_ids
        ids[ids == -100] = processor.tokenizer.pad_token_id
        hyp = [normalise(s) for s in processor.batch_decode(pred.predictions, skip_special_tokens=True)]
        ref = [normalise(s) for s in processor.batch_decode(ids, skip_special_tokens=True)]
        return {"wer": 100 * wer.compute(predictions=hyp, references=ref),
                "cer": 100 * cer.compute(predictions=hyp, references=ref)}

    model = WhisperForConditionalGeneration.from_pretrained(cfg["model_name"])
    model.generation_config.language = cfg["language"]
    model.generation_config.task = "transcribe"

    t = cfg["training"]
    args = Seq2SeqTrainingArguments(
        output_dir=cfg["output_dir"],
        per_device_train_batch_size=t["per_device_train_batch_size"],
        per_device_eval_batch_size=t["per_device_eval_batch_size"],
        learning_rate=t["learning_rate"],
        warmup_steps=t["warmup_steps"],
        max_steps=t["max_steps"],
        fp16=torch.cuda.is_available(),
        evaluation_strategy="steps",
        eval_steps=t["eval_steps"],
        save_steps=t["eval_steps"],
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="wer",
        greater_is_better=False,
        predict_with_generate=True,
        generation_max_length=t["generation_max_length"],
        seed=cfg["seed"],
        report_to=["tensorboard"],
        push_to_hub=True,
        hub_model_id=cfg["hub_model_id"],
        hub_token=token,
    )
    trainer = Seq2SeqTrainer(
        model=model,
        args=args,
        train_dataset=cv["train"],
        eval_dataset=cv["validation"],
        data_collator=build_collator(processor, model.config.decoder_start_token_id),
        compute_metrics=compute_metrics,
        tokenizer=processor.feature_extractor,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=t["early_stopping_patience"])],
    )

    zero_shot = trainer.evaluate(cv["test"], metric_key_prefix="zeroshot_test")
    trainer.train()
    finetuned = trainer.evaluate(cv["test"], metric_key_prefix="test")

    report = {"zero_shot": zero_shot, "fine_tuned": finetuned}
    print(json.dumps(report, indent=2))
    with open(os.path.join(cfg["output_dir"], "test_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    trainer.save_model(os.path.join(cfg["output_dir"], "final"))
    processor.save_pretrained(os.path.join(cfg["output_dir"], "final"))
    trainer.push_to_hub(commit_message="whisper-base ca, best validation WER checkpoint")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/whisper_base_ca.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
