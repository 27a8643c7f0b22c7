package io.statedesk.testkit;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the classes and methods too long to read in one sitting (issue 22): a top-level class over
 * its limit, and a method over its limit whose Javadoc does not say why it is that long (a sentence
 * with "why"). Why a parser (the JDK's own, {@code com.sun.source}) rather than counting braces: a
 * method's extent, its Javadoc and whether a class is nested are what the compiler says they are,
 * whatever the formatting, text blocks or lambdas inside.
 */
public final class SourceSizes {

  private SourceSizes() {}

  /** A class or a method and its length: "path:line: name, N lines". */
  public record Finding(String where, String name, long lines) {
    @Override
    public String toString() {
      return where + ": " + name + ", " + lines + " lines";
    }
  }

  /**
   * The sizes of one source folder, parsed once: every top-level class (records, enums,
   * interfaces), and every method or constructor whose Javadoc does not say why it is long.
   */
  public record Measured(
      List<Finding> classes, List<Finding> unexplainedClasses, List<Finding> unexplainedMethods) {

    /** Top-level classes longer than {@code max} lines. */
    public List<Finding> longClasses(int max) {
      return classes.stream().filter(f -> f.lines() > max).toList();
    }

    /** Top-level classes longer than {@code max} lines whose Javadoc does not say why. */
    public List<Finding> longClassesWithoutWhy(int max) {
      return unexplainedClasses.stream().filter(f -> f.lines() > max).toList();
    }

    /** Methods and constructors longer than {@code max} lines whose Javadoc does not say why. */
    public List<Finding> longMethodsWithoutWhy(int max) {
      return unexplainedMethods.stream().filter(f -> f.lines() > max).toList();
    }
  }

  /** Top-level classes under {@code root} longer than {@code max} lines. */
  public static List<Finding> longClasses(Path root, int max) {
    return measure(root).longClasses(max);
  }

  /** Methods under {@code root} longer than {@code max} lines whose Javadoc does not say why. */
  public static List<Finding> longMethodsWithoutWhy(Path root, int max) {
    return measure(root).longMethodsWithoutWhy(max);
  }

  /** Parses every source file under {@code root} once. */
  public static Measured measure(Path root) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<Finding> classes = new ArrayList<>();
    List<Finding> unexplained = new ArrayList<>();
    List<Finding> methods = new ArrayList<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
        Stream<Path> walk = Files.walk(root)) {
      List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  null,
                  files,
                  problem -> {},
                  List.of("-proc:none"),
                  null,
                  files.getJavaFileObjectsFromPaths(sources));
      DocTrees trees = DocTrees.instance(task);
      Path base = root.toAbsolutePath().normalize();
      for (CompilationUnitTree unit : task.parse()) {
        String path = base.relativize(Path.of(unit.getSourceFile().toUri())).toString();
        new Sizes(unit, trees, path, classes, unexplained, methods).scan(unit, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Measured(List.copyOf(classes), List.copyOf(unexplained), List.copyOf(methods));
  }

  /** Walks one file, adding its top-level classes and its methods without a why. */
  private static final class Sizes extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees trees;
    private final String path;
    private final List<Finding> classes;
    private final List<Finding> unexplained;
    private final List<Finding> methods;
    private final LineMap lines;
    private final SourcePositions positions;

    Sizes(
        CompilationUnitTree unit,
        DocTrees trees,
        String path,
        List<Finding> classes,
        List<Finding> unexplained,
        List<Finding> methods) {
      this.unit = unit;
      this.trees = trees;
      this.path = path;
      this.classes = classes;
      this.unexplained = unexplained;
      this.methods = methods;
      this.lines = unit.getLineMap();
      this.positions = trees.getSourcePositions();
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (getCurrentPath().getParentPath().getLeaf() instanceof CompilationUnitTree) {
        Finding found = finding(type, type.getSimpleName().toString());
        classes.add(found);
        if (!saysWhy(trees.getDocComment(getCurrentPath()))) {
          unexplained.add(found);
        }
      }
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      if (method.getBody() != null) {
        if (!saysWhy(trees.getDocComment(getCurrentPath()))) {
          methods.add(finding(method, method.getName().toString()));
        }
      }
      return super.visitMethod(method, unused);
    }

    private static boolean saysWhy(String doc) {
      return doc != null && doc.toLowerCase(Locale.ROOT).contains("why");
    }

    private Finding finding(Tree tree, String name) {
      long first = lines.getLineNumber(positions.getStartPosition(unit, tree));
      long last = lines.getLineNumber(positions.getEndPosition(unit, tree));
      return new Finding(path + ":" + first, name, last - first + 1);
    }
  }
}
