package io.spectrumflow.local.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * The machine a run measured, so that figures from different machines are not compared blindly. The
 * load average is the operating system's: above the core count, other processes competed for the
 * CPU during the run.
 */
record MachineInfo(
    String startedAt,
    int cores,
    long maxHeapMb,
    String java,
    String os,
    double loadAverageAtStart,
    double loadAverageAtEnd) {

  static MachineInfo atStart() {
    return new MachineInfo(
        Instant.now().toString(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        loadAverage(),
        Double.NaN);
  }

  MachineInfo ended() {
    return new MachineInfo(
        startedAt, cores, maxHeapMb, java, os, loadAverageAtStart, loadAverage());
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
