package dev.br2k.registry.internal.contract;

import io.reactivex.Flowable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple11;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * <p>Auto generated code.
 * <p><strong>Do not modify!</strong>
 * <p>Please use the <a href="https://docs.web3j.io/command_line.html">web3j command line tools</a>,
 * or the org.web3j.codegen.SolidityFunctionWrapperGenerator in the 
 * <a href="https://github.com/hyperledger-web3j/web3j/tree/main/codegen">codegen module</a> to update.
 *
 * <p>Generated with web3j version 4.13.0.
 */
@SuppressWarnings("rawtypes")
public class ServiceRegistry extends Contract {
    public static final String BINARY = "608080604052346015576121da908161001b8239f35b600080fdfe6080604052600436101561001257600080fd5b60003560e01c806301f2733c146110535780630ad6752c14610e2c5780630b6c979814610dfe5780631890498814610dc35780631b23a45c14610ce757806327258b2214610cb15780633217522814610c945780633ffdf11d14610c235780635582c6b214610b6557806367d42a8b14610a3557806386ef097a146109505780638a8d9e7c146108f15780638ccb9ea6146108d35780638cf90fb8146107535780639271eea41461068d57806399f1680214610622578063a3bac08d1461056b578063a5332fb61461053d578063b62d9463146104fd578063b6eaaa26146104b3578063ce4cdb051461039f578063da47d8561461027d578063f09ca3d81461024f578063f14fcbc8146101965763f49826be1461012f57600080fd5b34610191576060366003190112610191576004356001600160401b0381116101915761018961017961016760209336906004016115f6565b9190610171611634565b923691611702565b9060443591848151910120611e0c565b604051908152f35b600080fd5b3461019157602036600319011261019157600435806000526001602052604060002080546001600160401b03811615159081610215575b506102005780546001600160801b031916436001600160401b0316174260401b67ffffffffffffffff60401b161790555b005b50630a059d7160e01b60005260045260246000fd5b6001600160401b03915060401c1662015180810180911161023957421115836101cd565b634e487b7160e01b600052601160045260246000fd5b34610191576040366003190112610191576101fe60043561026e611623565b90610278816120a0565b611d55565b34610191576020366003190112610191576004356000818152602081905260409020546001600160a01b03161561038b5760005260006020526001600160401b036040600020610387600364ffffffffff835493816002820154956102f86001840154936102f16040518098819301611a49565b03866116e1565b604080516001600160a01b038381168252808a16602083015285169181019190915297889761033160608a0160a085901c60ff166116be565b61ffff8360a81c1660808a015261ffff8360b81c1660a08a015260a01c1660c088015260c81c1660e0860152818160a01c1661010086015260c81c1661012084015261016061014084015261016083019061167d565b0390f35b6397c1c13b60e01b60005260045260246000fd5b34610191576020366003190112610191576004356000818152602081905260409020546001600160a01b03161561038b578060005260006020526040600020600281019060018060a01b03825416330361049a5780546001600160a01b031980821633178355835490811684556001600160a01b0391909116926005929161044e919061042e9060e01c611acc565b81546001600160e01b031660e09190911b6001600160e01b031916179055565b0180546001600160c01b031916905561046782826120df565b6104718233611ebe565b33917f50f22e16d46a56f7f1a6aca41d415efe528ae08b8fafc225862b22b81bd1c58c600080a4005b8263345a0fb160e21b6000526004523360245260446000fd5b34610191576020366003190112610191576004356001600160401b038111610191576104ef6104e860209236906004016115f6565b3691611702565b818151910120604051908152f35b34610191576101fe61050e3661164a565b91610518816120a0565b60008181526020819052604090206005810180546001600160c01b0319169055611f2f565b34610191576040366003190112610191576101fe60043561055c611623565b90610566816120a0565b611c8c565b34610191576040366003190112610191576004356024356004811015610191576000828152602081905260409020546001600160a01b0316801561060d57331415806105d8575b6105bf576101fe91611c0b565b506301e7a5bb60e71b6000526004523360245260446000fd5b5060008281526005602090815260408083208383528184206002015460e01c84528252808320338452909152902054156105b2565b826397c1c13b60e01b60005260045260246000fd5b34610191576020366003190112610191576004356000818152602081905260409020546001600160a01b03161561038b57600052600060205260606005604060002001546001600160401b03604051918181168352818160401c16602084015260801c166040820152f35b346101915760c0366003190112610191576004356001600160401b038111610191576106bd9036906004016115f6565b906024356001600160401b038111610191576106dd9036906004016115f6565b9290916064356001600160401b038111610191576106ff9036906004016115f6565b6084929192356001600160401b038111610191576107219036906004016115f6565b93909260a435976001600160401b038911610191576107476101fe9936906004016115f6565b98909760443593611ae4565b34610191576107613661164a565b909180600052600060205260018060a01b036040600020541680156108be5733141580610889575b61087157811561085d578060005260006020526040600020916001830190600282549401805460016001600160401b038260a01c1601966001600160401b038811610239577fc04a7bb7ed017bbbc5796e0208643ceb3d40310f117f4130e9a222f3c56cd5659464ffffffffff93610841936001600160401b0360a01b8b60a01b16906001600160401b0360a01b19161790558360a01b4360a01b168460a01b19891617905560405193604085526040850191611748565b9460a01c166020820152806001600160401b03339616940390a4005b632b76bd3560e11b60005260045260246000fd5b6301e7a5bb60e71b6000526004523360245260446000fd5b5060008181526005602090815260408083208383528184206002015460e01c8452825280832033845290915290205415610789565b506397c1c13b60e01b60005260045260246000fd5b34610191576000366003190112610191576020604051620151808152f35b346101915760403660031901126101915760043561090d611634565b60009182526005602090815260408084208483528185206002015460e01c855282528084206001600160a01b039093168452918152918190205490519015158152f35b3461019157602036600319011261019157600435806000526004602052604060002090600052600060205263ffffffff60026040600020015460e01c1660005260205260406000206040518060208354918281520190819360005260206000209060005b818110610a1657505050816109ca9103826116e1565b6040519182916020830190602084525180915260408301919060005b8181106109f4575050500390f35b82516001600160a01b03168452859450602093840193909201916001016109e6565b82546001600160a01b03168452602090930192600192830192016109b4565b3461019157602036600319011261019157600435610a52816120a0565b806000526000602052604060002090610afc610a7e600260018060a01b0385541694015460e01c611acc565b610a8883856120df565b826000526000602052600060056040822082815582600182015582600282015560038101610ab68154611769565b9081610b23575b5050600481018390550155600083815260208190526040902060020180546001600160e01b031660e09290921b6001600160e01b031916919091179055565b7f624e4f5c490ff0b478efc77f221f26656cd22107a633d5c87b3d7e2b3be162f5600080a3005b81601f869311600114610b3a5750555b8780610abd565b81835260208320610b5591601f01861c8101906001016117a3565b8082528160208120915555610b33565b34610191576020366003190112610191576004356001600160a01b0381169081900361019157600052600260205260406000206040518060208354918281520190819360005260206000209060005b818110610c0d5750505081610bca9103826116e1565b6040519182916020830190602084525180915260408301919060005b818110610bf4575050500390f35b8251845285945060209384019390920191600101610be6565b8254845260209093019260019283019201610bb4565b34610191576020366003190112610191576004356000818152602081905260409020546001600160a01b03161561038b576000526000602052610387610c79610c80600360406000200160405192838092611a49565b03826116e1565b60405191829160208352602083019061167d565b346101915760003660031901126101915760206040516101188152f35b34610191576020366003190112610191576004356000526000602052602060018060a01b03604060002054161515604051908152f35b3461019157610cf53661164a565b6000838152602081905260409020549192916001600160a01b0316156108be576101188111610da5576000828152602081905260409020600101805464ffffffffff60c81b1981164360c890811b64ffffffffff60c81b1691909117909255901c64ffffffffff16927f216f6e27b8ba2449286dba9d74c4e675372ee2a1f4dc93c3b15dd2c65565c7819190610d979060405192604084526040840191611748565b9360208201528033940390a3005b906375cd53ab60e01b60005260045260245261011860445260646000fd5b3461019157606036600319011261019157600435610ddf611634565b6044359081151582036101915782610df96101fe946120a0565b61184c565b34610191576040366003190112610191576101fe600435610e1d611634565b90610e27816120a0565b6117ba565b346101915760a0366003190112610191576004356024356001600160401b03811161019157610e5f9036906004016115f6565b90604435926001600160401b038416809403610191576064356001600160401b038116808203610191576084356001600160401b03811692838203610191576000858152602081905260409020546001600160a01b0316801561103e5733141580611009575b610ff057846000526000602052604060002093600585019384546001600160401b0381168b1480610fab575b610f6457505083546fffffffffffffffff0000000000000000199099166001600160801b03199099169890981760409190911b67ffffffffffffffff60401b161782556101fe9650815467ffffffffffffffff60801b191660809190911b67ffffffffffffffff60801b16179055611f2f565b9187916001600160401b0360c4948d604051956306f4d60f60e41b875260048701526024860152818160401c16604486015260801c166064840152608483015260a4820152fd5b506001600160401b038160401c16808310908115610fca575b50610ef1565b9050821480610fda575b8c610fc4565b506001600160401b038160801c16831115610fd4565b846301e7a5bb60e71b6000526004523360245260446000fd5b5060008581526005602090815260408083208383528184206002015460e01c8452825280832033845290915290205415610ec5565b856397c1c13b60e01b60005260045260246000fd5b3461019157610140366003190112610191576004356001600160401b038111610191576110849036906004016115f6565b906024356001600160401b038111610191576110a49036906004016115f6565b91906044356001600160401b038111610191576110c59036906004016115f6565b9290946064359461ffff86168603610191576084359361ffff851685036101915760c4356001600160401b038111610191576111059036906004016115f6565b9060e4356001600160401b038111610191576111259036906004016115f6565b919092610104356001600160401b038111610191576111489036906004016115f6565b95909688156115e55761115c368a8c611702565b602081519101209c8d600052600060205260406000209b60018060a01b038d54166115d05761ffff82161580156115bf575b61159c576111a28f61012435903390611e0c565b806000526001602052604060002060405190604082018281106001600160401b038211176115365760405254906001600160401b0382168082526001600160401b03602083019360401c16835215611587576001600160401b039051168043111561156f57506001600160401b0381511662015180810180911161023957421161154c575060009081526001602081905260408220919091558d5464ffffffffff60c81b4360c81b1668ffffffffffffffffff60a81b19339081167fffff000000000000000000ff00000000000000000000000000000000000000009093169290921761ffff60a81b60a887901b161761ffff60b81b60b886901b1617178f55908e0180546001600160a01b03191690911790558e9b9a999897969594939291908c908e6112d98b8d8b8d8b8d60a4358c8e611e3f565b6004909101556112e98233611ebe565b60405190606082528d8d606084019061130192611748565b9361ffff16602083015261ffff166040820152803393037f87d63fae3be24bfd6c5a4a87fac3c6d932a774c4bed42fefbbd1911668896aff91a3604051998a9960e08b5260e08b019061135392611748565b9089820360208b015261136592611748565b9060a4356040890152878203606089015261137f92611748565b90858203608087015261139192611748565b9083820360a08501526113a392611748565b60c0820160009052037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a2816113e0575b602083604051908152f35b6003016001600160401b0382116115365760209381611400859354611769565b601f81116114fb575b50836000601f821160011461147a579161144e8260008051602061218583398151915295936114659560009161146f575b508160011b916000199060031b1c19161790565b90555b604051918291888352339689840191611748565b0390a382806113d5565b90508401358b61143a565b828152878120601f19871695949392509086815b8781106114de575090611465949392916000805160206121858339815191529697106114c4575b5050600186811b019055611451565b830135600019600389901b60f8161c1916905588806114b5565b858301358455899650600190930192918a01918891508a0161148e565b611526908260005287600020601f870160051c81019189881061152c575b601f0160051c01906117a3565b86611409565b9091508190611519565b634e487b7160e01b600052604160045260246000fd5b6001600160401b0390511690634634580360e11b60005260045260245260446000fd5b82632dcfcdd160e11b60005260045260245260446000fd5b8263836588c960e01b60005260045260246000fd5b61ffff8f928193631b4cb8b360e31b600052600452166024521660445260646000fd5b5061ffff811661ffff83161161118e565b8e63ed03135f60e01b60005260045260246000fd5b632ef1310560e01b60005260046000fd5b9181601f84011215610191578235916001600160401b038311610191576020838186019501011161019157565b6024359061ffff8216820361019157565b602435906001600160a01b038216820361019157565b9060406003198301126101915760043591602435906001600160401b03821161019157611679916004016115f6565b9091565b919082519283825260005b8481106116a9575050826000602080949584010152601f8019910116010190565b80602080928401015182828601015201611688565b9060048210156116cb5752565b634e487b7160e01b600052602160045260246000fd5b90601f801991011681019081106001600160401b0382111761153657604052565b9291926001600160401b038211611536576040519161172b601f8201601f1916602001846116e1565b829481845281830111610191578281602093846000960137010152565b908060209392818452848401376000828201840152601f01601f1916010190565b90600182811c92168015611799575b602083101461178357565b634e487b7160e01b600052602260045260246000fd5b91607f1691611778565b8181106117ae575050565b600081556001016117a3565b600081815260208190526040902060020180546001600160a01b03938416931683146118195780546001600160a01b0319168317905533907f52eaef52c95c66474cfcd71d08752da76df1ec80e5fd35a55c039ff376cb4ed1600080a4565b505050565b80548210156118365760005260206000200190600090565b634e487b7160e01b600052603260045260246000fd5b6001600160a01b0382169290918315611a385782600052600060205260026040600020015460e01c918360005260056020526040808060002060009063ffffffff8716825260205220938560005260046020528160002063ffffffff60009216825260205220928560005280602052604060002054821515928115158414611a2e57156119565750835493600160401b8510156115365761193e60209461191a8760017ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a7990185558461181e565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b54908660005283526040600020555b604051908152a3565b9092508354600019810190811161023957611971908561181e565b905460039190911b1c6001600160a01b03166000198201828111610239578161191a61199d928861181e565b6001600160a01b03166000908152602084905260409020558254918215611a18577ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a79360209360001901906119f2828261181e565b81549060018060a01b039060031b1b19169055558560005282526000604081205561194d565b634e487b7160e01b600052603160045260246000fd5b5050505050505050565b63d92e233d60e01b60005260046000fd5b60009291815491611a5983611769565b8083529260018116908115611aaf5750600114611a7557505050565b60009081526020812093945091925b838310611a95575060209250010190565b600181602092949394548385870101520191019190611a84565b915050602093945060ff929192191683830152151560051b010190565b63ffffffff60019116019063ffffffff821161023957565b989599949199979296939097611afb368a8c611702565b602081519101209a611b0c8c6120a0565b8b6000526000602052604060002098611b2c888a888a878a8a888a611e3f565b60048b0181815414611bfa5755895464ffffffffff60c81b4360c890811b9190911664ffffffffff60c81b19831617909b5590991c64ffffffffff16986040519b8c9b60e08d5260e08d0190611b8192611748565b908b820360208d0152611b9392611748565b9160408a015288820360608a0152611baa92611748565b908682036080880152611bbc92611748565b9084820360a0860152611bce92611748565b9060c0830152037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a2565b505050505050505050505050505050565b8060005260006020526040600020805460ff8160a01c1660048510156116cb5760048110156116cb578414611c865760ff60a01b191660a084901b60ff60a01b1617905560405191611c5e9083906116be565b7fc08fe2f6af39dd3075756b7c2bed4959c4293127c815441919ad3ab178583a0560203393a3565b50505050565b9081600052600060205260406000209061ffff811680158015611d44575b611d1e5761ffff835460a81c161461181957815461ffff60a81b191660a882901b61ffff60a81b1617918290556040805161ffff928316815260b89390931c90911660208301527fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959190819081015b0390a2565b9161ffff91505460b81c1691631b4cb8b360e31b60005260045260245260445260646000fd5b5061ffff835460b81c168111611caa565b90816000526000602052604060002090815461ffff8160a81c169061ffff831691808310611df0575060b81c61ffff161461181957815461ffff60b81b191660b882901b61ffff60b81b161782557fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959161ffff905460a81c16611d196040519283928390929161ffff60209181604085019616845216910152565b8286639a75034160e01b60005260045260245260445260646000fd5b91604051916020830193845260018060a01b03166040830152606082015260608152611e396080826116e1565b51902090565b959197939694929097604051978897602089019a60a08c5260c08a0190611e6592611748565b916040890152601f19888303016060890152611e8092611748565b90601f19868303016080870152611e9692611748565b90601f198483030160a0850152611eac92611748565b03601f1981018252611e3990826116e1565b6001600160a01b031660008181526002602052604090208054600160401b81101561153657611ef78185936001611f0e9401815561181e565b819391549060031b91821b91600019901b19161790565b90556000526002602052604060002054906000526003602052604060002055565b60039092919201604051611f4781610c798185611a49565b60208151910120611f59368685611702565b6020815191012014611c86576001600160401b03841161153657611f7d8154611769565b601f811161206e575b50836000601f8211600114611ff35791611fca826000805160206121858339815191529593611fe395600091611fe857508160011b916000199060031b1c19161790565b90555b6040519182916020835233966020840191611748565b0390a3565b90508401353861143a565b82815260208120915085601f198116825b818110612053575091600080516020612185833981519152959391611fe3959310612039575b5050600186811b019055611fcd565b830135600019600389901b60f8161c19169055388061202a565b86840135855560019094019360209384019389935001612004565b61209a90826000526020600020601f870160051c8101916020881061152c57601f0160051c01906117a3565b38611f86565b6000818152602081905260409020546001600160a01b031680156108be5733036120c75750565b63163a01a760e31b6000526004523360245260446000fd5b60018060a01b031660005260026020526040600020816000526003602052604060002054815460001981019081116102395761211b908361181e565b90549060031b1c60001982018281116102395761213c611ef783928661181e565b9055600052600360205260406000205580548015611a18576000190190612163828261181e565b8154906000199060031b1b191690555560005260036020526000604081205556fe3474bf31b42d73208b6b89cdf4d0e65ab4bb12ca0a0b38c389199660cdcac526a26469706673582212207c55609afb709bdfb135d1e56c1b6329f8b94ed5b5d66dec008ac52c9a23160364736f6c634300081e0033";

    private static String librariesLinkedBinary;

    public static final String FUNC_MAX_CLAIM_REASON_BYTES = "MAX_CLAIM_REASON_BYTES";

    public static final String FUNC_MAX_COMMITMENT_AGE = "MAX_COMMITMENT_AGE";

    public static final String FUNC_ACCEPTMANAGER = "acceptManager";

    public static final String FUNC_APPENDBACKUPLOG = "appendBackupLog";

    public static final String FUNC_COMMIT = "commit";

    public static final String FUNC_GETLOCATIONTERM = "getLocationTerm";

    public static final String FUNC_GETSERVICE = "getService";

    public static final String FUNC_GETSERVICELOCATION = "getServiceLocation";

    public static final String FUNC_ISOPERATOR = "isOperator";

    public static final String FUNC_ISREGISTERED = "isRegistered";

    public static final String FUNC_MAKECOMMITMENT = "makeCommitment";

    public static final String FUNC_OPERATORSOF = "operatorsOf";

    public static final String FUNC_REGISTER = "register";

    public static final String FUNC_RELEASE = "release";

    public static final String FUNC_SENDCLAIM = "sendClaim";

    public static final String FUNC_SERVICEIDOF = "serviceIdOf";

    public static final String FUNC_SERVICESOF = "servicesOf";

    public static final String FUNC_SETDETAILS = "setDetails";

    public static final String FUNC_SETLOCATION = "setLocation";

    public static final String FUNC_SETMAXREPLICAS = "setMaxReplicas";

    public static final String FUNC_SETOPERATOR = "setOperator";

    public static final String FUNC_SETREPLICACOUNT = "setReplicaCount";

    public static final String FUNC_SETRUNSTATE = "setRunState";

    public static final String FUNC_TRANSFERMANAGER = "transferManager";

    public static final String FUNC_UPDATELOCATION = "updateLocation";

    public static final Event BACKUP_EVENT = new Event("Backup", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint64>(true) {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event CLAIM_EVENT = new Event("Claim", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event DETAILSCHANGED_EVENT = new Event("DetailsChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Bytes32>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event MANAGERCHANGED_EVENT = new Event("ManagerChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event MANAGERTRANSFERSTARTED_EVENT = new Event("ManagerTransferStarted", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event NEWLOCATION_EVENT = new Event("NewLocation", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event OPERATORCHANGED_EVENT = new Event("OperatorChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Bool>() {}));
    ;

    public static final Event REPLICACOUNT_EVENT = new Event("ReplicaCount", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    public static final Event RUNSTATECHANGED_EVENT = new Event("RunStateChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint8>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event SERVICEREGISTERED_EVENT = new Event("ServiceRegistered", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    public static final Event SERVICERELEASED_EVENT = new Event("ServiceReleased", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}));
    ;

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, credentials, contractGasProvider);
    }

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static List<BackupEventResponse> getBackupEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(BACKUP_EVENT, transactionReceipt);
        ArrayList<BackupEventResponse> responses = new ArrayList<BackupEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            BackupEventResponse typedResponse = new BackupEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
            typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static BackupEventResponse getBackupEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(BACKUP_EVENT, log);
        BackupEventResponse typedResponse = new BackupEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
        typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<BackupEventResponse> backupEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getBackupEventFromLog(log));
    }

    public Flowable<BackupEventResponse> backupEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(BACKUP_EVENT));
        return backupEventFlowable(filter);
    }

    public static List<ClaimEventResponse> getClaimEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(CLAIM_EVENT, transactionReceipt);
        ArrayList<ClaimEventResponse> responses = new ArrayList<ClaimEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ClaimEventResponse typedResponse = new ClaimEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ClaimEventResponse getClaimEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(CLAIM_EVENT, log);
        ClaimEventResponse typedResponse = new ClaimEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getClaimEventFromLog(log));
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(CLAIM_EVENT));
        return claimEventFlowable(filter);
    }

    public static List<DetailsChangedEventResponse> getDetailsChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, transactionReceipt);
        ArrayList<DetailsChangedEventResponse> responses = new ArrayList<DetailsChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
            typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
            typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
            typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static DetailsChangedEventResponse getDetailsChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, log);
        DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
        typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
        typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
        typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
        return typedResponse;
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getDetailsChangedEventFromLog(log));
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(DETAILSCHANGED_EVENT));
        return detailsChangedEventFlowable(filter);
    }

    public static List<ManagerChangedEventResponse> getManagerChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, transactionReceipt);
        ArrayList<ManagerChangedEventResponse> responses = new ArrayList<ManagerChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerChangedEventResponse getManagerChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, log);
        ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerChangedEventFromLog(log));
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERCHANGED_EVENT));
        return managerChangedEventFlowable(filter);
    }

    public static List<ManagerTransferStartedEventResponse> getManagerTransferStartedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, transactionReceipt);
        ArrayList<ManagerTransferStartedEventResponse> responses = new ArrayList<ManagerTransferStartedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerTransferStartedEventResponse getManagerTransferStartedEventFromLog(
            Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, log);
        ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerTransferStartedEventFromLog(log));
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERTRANSFERSTARTED_EVENT));
        return managerTransferStartedEventFlowable(filter);
    }

    public static List<NewLocationEventResponse> getNewLocationEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, transactionReceipt);
        ArrayList<NewLocationEventResponse> responses = new ArrayList<NewLocationEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            NewLocationEventResponse typedResponse = new NewLocationEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static NewLocationEventResponse getNewLocationEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, log);
        NewLocationEventResponse typedResponse = new NewLocationEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getNewLocationEventFromLog(log));
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(NEWLOCATION_EVENT));
        return newLocationEventFlowable(filter);
    }

    public static List<OperatorChangedEventResponse> getOperatorChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, transactionReceipt);
        ArrayList<OperatorChangedEventResponse> responses = new ArrayList<OperatorChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static OperatorChangedEventResponse getOperatorChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, log);
        OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getOperatorChangedEventFromLog(log));
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(OPERATORCHANGED_EVENT));
        return operatorChangedEventFlowable(filter);
    }

    public static List<ReplicaCountEventResponse> getReplicaCountEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, transactionReceipt);
        ArrayList<ReplicaCountEventResponse> responses = new ArrayList<ReplicaCountEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ReplicaCountEventResponse getReplicaCountEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, log);
        ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getReplicaCountEventFromLog(log));
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(REPLICACOUNT_EVENT));
        return replicaCountEventFlowable(filter);
    }

    public static List<RunStateChangedEventResponse> getRunStateChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, transactionReceipt);
        ArrayList<RunStateChangedEventResponse> responses = new ArrayList<RunStateChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static RunStateChangedEventResponse getRunStateChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, log);
        RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getRunStateChangedEventFromLog(log));
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(RUNSTATECHANGED_EVENT));
        return runStateChangedEventFlowable(filter);
    }

    public static List<ServiceRegisteredEventResponse> getServiceRegisteredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, transactionReceipt);
        ArrayList<ServiceRegisteredEventResponse> responses = new ArrayList<ServiceRegisteredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ServiceRegisteredEventResponse getServiceRegisteredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, log);
        ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getServiceRegisteredEventFromLog(log));
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(SERVICEREGISTERED_EVENT));
        return serviceRegisteredEventFlowable(filter);
    }

    public static List<ServiceReleasedEventResponse> getServiceReleasedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(SERVICERELEASED_EVENT, transactionReceipt);
        ArrayList<ServiceReleasedEventResponse> responses = new ArrayList<ServiceReleasedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ServiceReleasedEventResponse typedResponse = new ServiceReleasedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ServiceReleasedEventResponse getServiceReleasedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(SERVICERELEASED_EVENT, log);
        ServiceReleasedEventResponse typedResponse = new ServiceReleasedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ServiceReleasedEventResponse> serviceReleasedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getServiceReleasedEventFromLog(log));
    }

    public Flowable<ServiceReleasedEventResponse> serviceReleasedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(SERVICERELEASED_EVENT));
        return serviceReleasedEventFlowable(filter);
    }

    public RemoteFunctionCall<BigInteger> MAX_CLAIM_REASON_BYTES() {
        final Function function = new Function(FUNC_MAX_CLAIM_REASON_BYTES, 
                Arrays.<Type>asList(), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
        return executeRemoteCallSingleValueReturn(function, BigInteger.class);
    }

    public RemoteFunctionCall<BigInteger> MAX_COMMITMENT_AGE() {
        final Function function = new Function(FUNC_MAX_COMMITMENT_AGE, 
                Arrays.<Type>asList(), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
        return executeRemoteCallSingleValueReturn(function, BigInteger.class);
    }

    public RemoteFunctionCall<TransactionReceipt> acceptManager(byte[] id) {
        final Function function = new Function(
                FUNC_ACCEPTMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> appendBackupLog(byte[] id, byte[] record) {
        final Function function = new Function(
                FUNC_APPENDBACKUPLOG, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.DynamicBytes(record)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> commit(byte[] commitment) {
        final Function function = new Function(
                FUNC_COMMIT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(commitment)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<Tuple3<BigInteger, BigInteger, BigInteger>> getLocationTerm(
            byte[] id) {
        final Function function = new Function(FUNC_GETLOCATIONTERM, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint64>() {}));
        return new RemoteFunctionCall<Tuple3<BigInteger, BigInteger, BigInteger>>(function,
                new Callable<Tuple3<BigInteger, BigInteger, BigInteger>>() {
                    @Override
                    public Tuple3<BigInteger, BigInteger, BigInteger> call() throws Exception {
                        List<Type> results = executeCallMultipleValueReturn(function);
                        return new Tuple3<BigInteger, BigInteger, BigInteger>(
                                (BigInteger) results.get(0).getValue(), 
                                (BigInteger) results.get(1).getValue(), 
                                (BigInteger) results.get(2).getValue());
                    }
                });
    }

    public RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>> getService(
            byte[] id) {
        final Function function = new Function(FUNC_GETSERVICE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Utf8String>() {}));
        return new RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>(function,
                new Callable<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>() {
                    @Override
                    public Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String> call(
                            ) throws Exception {
                        List<Type> results = executeCallMultipleValueReturn(function);
                        return new Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>(
                                (String) results.get(0).getValue(), 
                                (String) results.get(1).getValue(), 
                                (String) results.get(2).getValue(), 
                                (BigInteger) results.get(3).getValue(), 
                                (BigInteger) results.get(4).getValue(), 
                                (BigInteger) results.get(5).getValue(), 
                                (BigInteger) results.get(6).getValue(), 
                                (BigInteger) results.get(7).getValue(), 
                                (BigInteger) results.get(8).getValue(), 
                                (BigInteger) results.get(9).getValue(), 
                                (String) results.get(10).getValue());
                    }
                });
    }

    public RemoteFunctionCall<String> getServiceLocation(byte[] id) {
        final Function function = new Function(FUNC_GETSERVICELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Utf8String>() {}));
        return executeRemoteCallSingleValueReturn(function, String.class);
    }

    public RemoteFunctionCall<Boolean> isOperator(byte[] id, String account) {
        final Function function = new Function(FUNC_ISOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, account)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<Boolean> isRegistered(byte[] id) {
        final Function function = new Function(FUNC_ISREGISTERED, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<byte[]> makeCommitment(String name, String owner, byte[] secret) {
        final Function function = new Function(FUNC_MAKECOMMITMENT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Address(160, owner), 
                new org.web3j.abi.datatypes.generated.Bytes32(secret)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}));
        return executeRemoteCallSingleValueReturn(function, byte[].class);
    }

    public RemoteFunctionCall<List> operatorsOf(byte[] id) {
        final Function function = new Function(FUNC_OPERATORSOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Address>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> register(String name, String description,
            String location, BigInteger replicaCount, BigInteger maxReplicas, byte[] contextHash,
            String contextPointer, String imageLocation, byte[] imageCredentials, byte[] secret) {
        final Function function = new Function(
                FUNC_REGISTER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.Utf8String(location), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials), 
                new org.web3j.abi.datatypes.generated.Bytes32(secret)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> release(byte[] id) {
        final Function function = new Function(
                FUNC_RELEASE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> sendClaim(byte[] id, String reason) {
        final Function function = new Function(
                FUNC_SENDCLAIM, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(reason)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<byte[]> serviceIdOf(String name) {
        final Function function = new Function(FUNC_SERVICEIDOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}));
        return executeRemoteCallSingleValueReturn(function, byte[].class);
    }

    public RemoteFunctionCall<List> servicesOf(String manager) {
        final Function function = new Function(FUNC_SERVICESOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Address(160, manager)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Bytes32>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> setDetails(String name, String description,
            byte[] contextHash, String contextPointer, String imageLocation,
            byte[] imageCredentials) {
        final Function function = new Function(
                FUNC_SETDETAILS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setLocation(byte[] id, String location) {
        final Function function = new Function(
                FUNC_SETLOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(location)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setMaxReplicas(byte[] id,
            BigInteger maxReplicas) {
        final Function function = new Function(
                FUNC_SETMAXREPLICAS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setOperator(byte[] id, String operator,
            Boolean approved) {
        final Function function = new Function(
                FUNC_SETOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, operator), 
                new org.web3j.abi.datatypes.Bool(approved)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setReplicaCount(byte[] id,
            BigInteger replicaCount) {
        final Function function = new Function(
                FUNC_SETREPLICACOUNT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setRunState(byte[] id, BigInteger state) {
        final Function function = new Function(
                FUNC_SETRUNSTATE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint8(state)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> transferManager(byte[] id, String newManager) {
        final Function function = new Function(
                FUNC_TRANSFERMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, newManager)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> updateLocation(byte[] id, String location,
            BigInteger clusterId, BigInteger term, BigInteger revision) {
        final Function function = new Function(
                FUNC_UPDATELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(location), 
                new org.web3j.abi.datatypes.generated.Uint64(clusterId), 
                new org.web3j.abi.datatypes.generated.Uint64(term), 
                new org.web3j.abi.datatypes.generated.Uint64(revision)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, credentials, contractGasProvider);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static void linkLibraries(List<Contract.LinkReference> references) {
        librariesLinkedBinary = linkBinaryWithReferences(BINARY, references);
    }

    private static String getDeploymentBinary() {
        if (librariesLinkedBinary != null) {
            return librariesLinkedBinary;
        } else {
            return BINARY;
        }
    }

    public static class BackupEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger sequence;

        public String by;

        public byte[] record;

        public BigInteger previousChange;
    }

    public static class ClaimEventResponse extends BaseEventResponse {
        public byte[] id;

        public String claimant;

        public String reason;

        public BigInteger previousChange;
    }

    public static class DetailsChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String name;

        public String description;

        public byte[] contextHash;

        public String contextPointer;

        public String imageLocation;

        public byte[] imageCredentials;

        public BigInteger previousChange;
    }

    public static class ManagerChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String previousManager;

        public String newManager;
    }

    public static class ManagerTransferStartedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String manager;

        public String pendingManager;
    }

    public static class NewLocationEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public String location;
    }

    public static class OperatorChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String operator;

        public Boolean approved;
    }

    public static class ReplicaCountEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }

    public static class RunStateChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public BigInteger state;
    }

    public static class ServiceRegisteredEventResponse extends BaseEventResponse {
        public byte[] id;

        public String deployer;

        public String name;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }

    public static class ServiceReleasedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String manager;
    }
}
