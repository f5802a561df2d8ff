package samizdat.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTest {

  @Test
  void stepsRunOnceEachInItemOrderWhateverOrderTheItemsArriveIn() throws Exception {
    int n = 2000;
    List<Integer> stepped = Collections.synchronizedList(new ArrayList<>());
    InOrder<Integer> inOrder = new InOrder<>(stepped::add);
    List<Integer> arrival = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    Collections.shuffle(arrival, new Random(7));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i : arrival) {
      pool.execute(() -> inOrder.handIn(i, i));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(IntStream.range(0, n).boxed().toList(), stepped);
  }

  @Test
  void aStepWaitsForTheItemsBeforeIt() {
    List<String> stepped = new ArrayList<>();
    InOrder<String> inOrder = new InOrder<>(stepped::add);
    inOrder.handIn(2, "c");
    inOrder.handIn(1, "b");
    assertEquals(List.of(), stepped, "item 0 is missing: nothing runs, and nobody waits");
    inOrder.handIn(0, "a");
    assertEquals(List.of("a", "b", "c"), stepped);
  }

  @Test
  void anItemHandedInTwiceIsABug() {
    InOrder<String> inOrder = new InOrder<>(s -> { });
    inOrder.handIn(0, "a");
    assertThrows(IllegalStateException.class, () -> inOrder.handIn(0, "again"));
  }
}
